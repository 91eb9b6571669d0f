package app.confidant.security;

import static app.confidant.security.People.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service accounts over mutual TLS against a server of its own that trusts a test CA (made here with keytool) for
 * client certificates. H2, not the shared PostgreSQL schema: this server must not clash with the shared one.
 */
class ServiceAccountIT {

    @TempDir
    static Path pkiDir;
    private static ConfidantServer server;
    private static TestPki pki;
    private static TestPki.Client registered;
    private static TestPki.Client unregistered;
    /** The tenant whose security administrator registers the accounts (administration stays within a tenant). */
    private static final UUID TENANT = UUID.randomUUID();
    private static People.Session admin;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(pkiDir);
        registered = pki.client("billing-sync");
        unregistered = pki.client("stranger");
        server = ConfidantServer.startFresh("mtls", Map.of(
                "CONFIDANT_TLS_TRUSTSTORE", pki.truststore().toString(),
                "CONFIDANT_TLS_TRUSTSTORE_PASSWORD_FILE", pki.passwordFile().toString()));
        admin = People.tenantAdmin(server, TENANT);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRegisteredCertificateActsAsItsServiceAccountUntilUnregistered() throws Exception {
        UUID tenant = TENANT;
        HttpResponse<String> created = register("billing-sync", tenant, null, registered.certificatePem());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject account = json(created);
        assertThat(account.getString("role")).isEqualTo(Roles.INTEGRATION);
        assertThat(account.getString("certificateSubject")).isEqualTo("CN=billing-sync,O=Confidant tests");

        try (HttpClient app = clientWith(registered)) {
            JsonObject me = json(call(app, "GET", "/api/v1/auth/me", null, 200));
            assertThat(me.getString("username")).isEqualTo("svc:billing-sync");
            assertThat(me.getString("userId")).isEqualTo(account.getString("id"));
            assertThat(me.getString("tenantId")).isEqualTo(tenant.toString());
            assertThat(me.getJsonArray("roles").getString(0)).isEqualTo(Roles.INTEGRATION);
            assertThat(me.getBoolean("steppedUp")).isFalse();

            String party = Json.createObjectBuilder().add("legalName", "Lieferant SECRETNAME AG").add("country", "DE")
                    .add("iban", "DE89 3704 0044 0532 0130 00").build().toString();
            JsonObject stored = json(call(app, "POST", "/api/v1/parties", party, 201));
            JsonObject read = json(call(app, "GET", "/api/v1/parties/" + stored.getString("id"), null, 200));
            assertThat(read.getBoolean("masked")).isTrue();
            assertThat(read.getString("iban")).isEqualTo("DE** **** **** **** **30 00");
            assertThat(read.toString()).doesNotContain("SECRETNAME");

            call(app, "POST", "/api/v1/auth/logout", null, 204); // nothing to end: the certificate is the session
            call(app, "GET", "/api/v1/auth/me", null, 200);

            People.require(server.send("DELETE", "/api/v1/service-accounts/" + account.getString("id"), admin.token,
                    null), 204);
            HttpResponse<String> revoked = call(app, "GET", "/api/v1/auth/me", null, 401);
            assertThat(revoked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(revoked).getInt("status")).isEqualTo(401);
        }
        assertThat(server.send("GET", "/api/v1/service-accounts", admin.token, null).body())
                .contains("\"name\":\"billing-sync\"").contains("\"revokedAt\":");
        HttpResponse<String> again = register("billing-sync-2", tenant, null, registered.certificatePem());
        assertThat(json(again).getString("code")).isEqualTo("certificate-registered");
    }

    @Test
    void aTrustedButUnregisteredCertificateAndNoCredentialAtAllGet401() throws Exception {
        try (HttpClient stranger = clientWith(unregistered); HttpClient anonymous = clientWith(null)) {
            HttpResponse<String> refused = call(stranger, "GET", "/api/v1/auth/me", null, 401);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(refused).getInt("status")).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            call(anonymous, "GET", "/api/v1/auth/me", null, 401);
            call(anonymous, "POST", "/api/v1/parties", "{\"legalName\":\"X\",\"country\":\"DE\"}", 401);
        }
    }

    @Test
    void aBearerTokenTakesPrecedenceOverAClientCertificate() throws Exception {
        try (HttpClient stranger = clientWith(unregistered)) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/api/v1/auth/me")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + People.admin(server).token).build();
            HttpResponse<String> me = stranger.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(json(me).getString("username")).isEqualTo(BootstrapAdministrator.USERNAME);
        }
    }

    @Test
    void registrationRefusesAdminRolesExpiredCaAndDuplicateCertificates() throws Exception {
        UUID tenant = TENANT;
        String fresh = pki.issue(unregistered.csr(), "stranger-2", null, 2);
        assertThat(code(register("ops-admin", tenant, Roles.SECURITY_ADMIN, fresh))).isEqualTo("role-not-allowed");
        assertThat(code(register("ops-keys", tenant, Roles.KEY_CUSTODIAN, fresh))).isEqualTo("role-not-allowed");
        String expired = pki.issue(unregistered.csr(), "stranger-expired", "-10d", 2);
        assertThat(code(register("late", tenant, null, expired))).isEqualTo("certificate-expired");
        String ca = Files.readString(pki.caCertificate());
        assertThat(code(register("authority", tenant, null, ca))).isEqualTo("certificate-is-ca");

        HttpResponse<String> auditor = register("reporting", tenant, Roles.AUDITOR, fresh);
        assertThat(auditor.statusCode()).isEqualTo(201);
        assertThat(json(auditor).getString("role")).isEqualTo(Roles.AUDITOR);
        assertThat(code(register("reporting-2", tenant, null, fresh))).isEqualTo("certificate-registered");
        String other = pki.issue(unregistered.csr(), "stranger-3", null, 2);
        assertThat(code(register("reporting", tenant, null, other))).isEqualTo("name-taken");
    }

    private static HttpResponse<String> register(String name, UUID tenant, String role, String pem) throws Exception {
        var body = Json.createObjectBuilder().add("name", name).add("tenantId", tenant.toString())
                .add("certificatePem", pem);
        if (role != null) {
            body.add("role", role);
        }
        return server.send("POST", "/api/v1/service-accounts", admin.token, body.build().toString());
    }

    private static String code(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(400, 409);
        return json(response).getString("code");
    }

    /** An HTTPS client that trusts the server's certificate and presents {@code client}'s, if given. */
    private static HttpClient clientWith(TestPki.Client client) throws Exception {
        var tls = client == null ? server.trustingThisServer() : server.trustingThisServer(pki.keyManagers(client));
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> call(HttpClient client, String method, String path, String json, int expected)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json").build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response;
    }
}
