package app.confidant.audit;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An audit row as an RFC 5424 syslog message, framed for TLS transport by octet counting (RFC 5425 §4.3,
 * RFC 6587 §3.4.1). Facility 13 ("log audit"); severity by outcome: SUCCESS 6 informational, DENIED 4 warning,
 * FAILURE 3 error. The structured data carries only fields that hold no sensitive value: never the client address,
 * the free-text reason or the details.
 */
public final class Rfc5424 {

    static final int FACILITY_LOG_AUDIT = 13;
    static final String APP_NAME = "confidant";
    /** RFC 5424 §6.3.2: a private SD-ID is name@private-enterprise-number (32473 is the documentation number). */
    static final String DEFAULT_SD_ID = "audit@32473";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Rfc5424() {
    }

    /** The whole message: HEADER SP STRUCTURED-DATA SP MSG (an ASCII summary, so no BOM is needed). */
    public static String message(AuditRecord r, String sdId) {
        return "<" + priority(r.outcome()) + ">1 " + TIME.format(r.occurredAt()) + " " + hostName(r.nodeId()) + " "
                + APP_NAME + " - " + printable(r.action(), 32) + " " + structuredData(r, sdId) + " "
                + r.action() + " " + r.outcome();
    }

    /** Octet-counted frame: the message's length in UTF-8 bytes, a space, the message. */
    public static byte[] frame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (body.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, framed, 0, prefix.length);
        System.arraycopy(body, 0, framed, prefix.length, body.length);
        return framed;
    }

    static int priority(String outcome) {
        int severity = switch (outcome) {
            case "SUCCESS" -> 6;
            case "DENIED" -> 4;
            default -> 3;
        };
        return FACILITY_LOG_AUDIT * 8 + severity;
    }

    static String structuredData(AuditRecord r, String sdId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("id", r.id().toString());
        params.put("node", r.nodeId());
        params.put("seq", Long.toString(r.seq()));
        params.put("kind", r.kind());
        params.put("time", TIME.format(r.occurredAt())); // as in the header: always six fraction digits
        params.put("actor", r.actor());
        params.put("actorId", r.actorId() == null ? null : r.actorId().toString());
        params.put("tenant", r.tenantId() == null ? null : r.tenantId().toString());
        params.put("roles", r.roles());
        params.put("action", r.action());
        params.put("targetType", r.targetType());
        params.put("targetId", r.targetId());
        params.put("outcome", r.outcome());
        params.put("requestId", r.requestId());
        params.put("keyId", r.keyId());
        params.put("mac", r.mac());
        StringBuilder sd = new StringBuilder("[").append(sdName(sdId));
        params.forEach((name, value) -> {
            if (value != null) {
                sd.append(' ').append(name).append("=\"").append(escape(value)).append('"');
            }
        });
        return sd.append(']').toString();
    }

    /** RFC 5424 §6.3.3: inside PARAM-VALUE, '"', '\' and ']' are escaped with a backslash. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** HOSTNAME: the node that recorded the event (a lane "node#k" is the node's), or NILVALUE. */
    static String hostName(String chain) {
        int lane = chain.indexOf('#');
        String node = printable(lane < 0 ? chain : chain.substring(0, lane), 255);
        return node.isEmpty() ? "-" : node;
    }

    /** SD-NAME: PRINTUSASCII except '=', ']' and '"', at most 32 characters. */
    static String sdName(String value) {
        return printable(value, 32).replace('=', '_').replace(']', '_').replace('"', '_');
    }

    /** Header fields are PRINTUSASCII (33-126) of bounded length: anything else becomes '_'. */
    static String printable(String value, int max) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(c >= 33 && c <= 126 ? c : '_');
        }
        return out.toString();
    }
}
