package app.confidant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Rfc5424Test {

    private static final UUID ID = UUID.fromString("0b7f6c1e-8d3a-4c2b-9e1f-5a6b7c8d9e0f");
    private static final UUID ACTOR = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final UUID TENANT = UUID.fromString("66666666-7777-8888-9999-000000000000");

    private static AuditRecord record(String node, String actor, String outcome, String targetId) {
        return new AuditRecord(ID, node, 42, "EVENT", Instant.parse("2026-12-08T05:01:02.123456Z"), actor, ACTOR,
                TENANT, "CLERK,APPROVER", "party.create", "party", targetId, outcome, "10.1.2.3", "req-7",
                "a private reason", "{\"secret\":\"details\"}", "audit-mac-v1", "0".repeat(64), "ab".repeat(32));
    }

    @Test
    void headerHasFacilityLogAuditSeverityByOutcomeAndTheNodeAsHostName() {
        String message = Rfc5424.message(record("vm-2#3", "alice", "SUCCESS", "p1"), Rfc5424.DEFAULT_SD_ID);
        assertThat(message).startsWith("<110>1 2026-12-08T05:01:02.123456Z vm-2 confidant - party.create [audit@32473 ");
        assertThat(message).endsWith("] party.create SUCCESS");
        assertThat(Rfc5424.priority("DENIED")).isEqualTo(13 * 8 + 4);
        assertThat(Rfc5424.priority("FAILURE")).isEqualTo(13 * 8 + 3);
    }

    @Test
    void structuredDataCarriesTheRowsFieldsButNoReasonDetailsOrClientAddress() {
        String sd = Rfc5424.structuredData(record("vm-2#3", "alice", "SUCCESS", "p1"), "audit@32473");
        assertThat(sd).isEqualTo("[audit@32473 id=\"" + ID + "\" node=\"vm-2#3\" seq=\"42\" kind=\"EVENT\""
                + " time=\"2026-12-08T05:01:02.123456Z\" actor=\"alice\" actorId=\"" + ACTOR + "\" tenant=\"" + TENANT
                + "\" roles=\"CLERK,APPROVER\" action=\"party.create\" targetType=\"party\" targetId=\"p1\""
                + " outcome=\"SUCCESS\" requestId=\"req-7\" keyId=\"audit-mac-v1\" mac=\"" + "ab".repeat(32) + "\"]");
        assertThat(sd).doesNotContain("10.1.2.3", "private reason", "secret");
    }

    @Test
    void timeHasSixFractionDigitsInHeaderAndStructuredDataAlike() {
        AuditRecord whole = new AuditRecord(ID, "n", 1, "EVENT", Instant.parse("2026-12-08T05:27:09.477Z"), "a", null,
                null, null, "x", null, null, "SUCCESS", null, null, null, null, "k", "0", "1");
        String message = Rfc5424.message(whole, "a@1");
        assertThat(message).startsWith("<110>1 2026-12-08T05:27:09.477000Z ")
                .contains(" time=\"2026-12-08T05:27:09.477000Z\"");
    }

    @Test
    void paramValuesEscapeQuoteBackslashAndClosingBracket() {
        assertThat(Rfc5424.escape("a\"b\\c]d[e=f")).isEqualTo("a\\\"b\\\\c\\]d[e=f");
        String sd = Rfc5424.structuredData(record("n", "x\"] evil=\"1", "SUCCESS", null), "audit@32473");
        assertThat(sd).contains("actor=\"x\\\"\\] evil=\\\"1\"").doesNotContain("targetId");
    }

    @Test
    void headerFieldsArePrintableAsciiAndBounded() {
        assertThat(Rfc5424.hostName("my host\u00e9#1")).isEqualTo("my_host_");
        assertThat(Rfc5424.hostName("#2")).isEqualTo("-");
        assertThat(Rfc5424.printable("a".repeat(40), 32)).hasSize(32);
        assertThat(Rfc5424.sdName("bad=name]\"x")).isEqualTo("bad_name__x");
    }

    @Test
    void frameIsOctetCountedInUtf8Bytes() {
        String message = "<110>1 - - confidant - x [a@1 actor=\"J\u00fcrgen\"]";
        byte[] frame = Rfc5424.frame(message);
        int bytes = message.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isEqualTo(message.length() + 1);
        assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo(bytes + " " + message);
    }
}
