package app.confidant.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import app.confidant.platform.ConfidantServer;
import app.confidant.platform.TestDatabase;
import app.confidant.security.Personas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gapless numbering under load: 64 concurrent issuers spread over two Payara instances on one PostgreSQL schema
 * (sharing the HSM token, as a cluster shares its HSM), 2,000 invoices, while issues keep failing part-way: the
 * application role loses its right to write the audit trail for a moment, so an issue that has already taken its
 * number fails on its audit record and rolls back. The number must come back, and the issuer simply retries.
 */
class GaplessNumberingIT {

    private static final int ISSUERS = 64;
    private static final int INVOICES = 2_000;
    /** How many times the audit trail is made unwritable while issuers run; each must roll back ≥ 1 issue. */
    private static final int OUTAGES = 3;

    private static ConfidantServer first;
    private static ConfidantServer second;
    private static UUID tenant;
    private static String partyId;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        first = ConfidantServer.shared();
        tenant = UUID.randomUUID();
        Personas people = Personas.forTenant(first, tenant);
        // The tenant's keys are created here, on the first instance, before the second loads the token.
        partyId = ok(first.send("POST", "/api/v1/parties", people.token("CLERK"),
                "{\"legalName\":\"Numbers Ltd\",\"country\":\"IE\"}")).getString("id");
        ok(first.send("POST", "/api/v1/invoices", people.token("CLERK"), draft()));
        second = ConfidantServer.secondInstance(first, "numbering-second");
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void sixtyFourIssuersOnTwoInstancesNumberEveryInvoiceOnceWithoutGapsThroughRollbacks() throws Exception {
        List<String> approved = prepareApprovedInvoices();

        Approver approver = new Approver();
        ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>(approved);
        ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
        AtomicInteger rolledBack = new AtomicInteger();
        AtomicIntegerArray issuedBy = new AtomicIntegerArray(2);
        ExecutorService pool = Executors.newFixedThreadPool(ISSUERS + 1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < ISSUERS; i++) {
                int instance = i % 2;
                work.add(pool.submit(() -> {
                    for (String id = pending.poll(); id != null; id = pending.poll()) {
                        String token = approver.token();
                        HttpResponse<String> response = issue(server(instance), id, token);
                        if (approver.renewedAfter(response, token)) {
                            pending.add(id);
                        } else if (response == null || response.statusCode() == 503) {
                            if (response != null) {
                                rolledBack.incrementAndGet();
                            }
                            pending.add(id); // an internal app retries; the invoice is still APPROVED
                            Thread.sleep(10);
                        } else if (response.statusCode() == 409) {
                            // a retry of an issue whose answer was lost (timed out) but which committed
                            assertThat(ok(server(instance).send("GET", "/api/v1/invoices/" + id, token, null))
                                    .getString("status")).isEqualTo("ISSUED");
                        } else {
                            numbers.add(ok(response).getString("number"));
                            issuedBy.incrementAndGet(instance);
                        }
                    }
                    return null;
                }));
            }
            Future<?> outages = pool.submit(() -> {
                for (int outage = 1; outage <= OUTAGES; outage++) {
                    int progress = INVOICES * outage / (OUTAGES + 1);
                    awaitUntil(() -> numbers.size() >= progress || pending.isEmpty());
                    int before = rolledBack.get();
                    owner("REVOKE INSERT ON audit_event FROM " + TestDatabase.SERVER.appRole());
                    try {
                        awaitUntil(() -> rolledBack.get() > before || pending.isEmpty());
                    } finally {
                        owner("GRANT INSERT ON audit_event TO " + TestDatabase.SERVER.appRole());
                    }
                }
                return null;
            });
            for (Future<?> issuer : work) {
                issuer.get();
            }
            outages.get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(rolledBack.get()).as("issues that took a number and rolled back").isGreaterThanOrEqualTo(OUTAGES);
        assertThat(issuedBy.get(0)).as("issued by the first instance").isPositive();
        assertThat(issuedBy.get(1)).as("issued by the second instance").isPositive();
        assertThat(new TreeSet<>(numbers)).as("no number answered twice").hasSize(numbers.size());
        List<String> stored = storedNumbers();
        assertThat(stored).hasSize(INVOICES).containsAll(numbers);
        for (int i = 0; i < INVOICES; i++) {
            assertThat(sequenceOf(stored.get(i))).as("the %d. number", i + 1).isEqualTo(i + 1);
        }
        assertThat(counter()).isEqualTo(INVOICES);
    }

    /** Creates a draft; retried with one Idempotency-Key until answered, so a lost answer never makes two. */
    private static String createDraft(ConfidantServer server, String clerk) throws Exception {
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = answered(() -> server.sendWithHeader("POST", "/api/v1/invoices", clerk,
                    draft(), "Idempotency-Key", key));
            boolean pending = response == null || response.statusCode() == 503
                    || response.body().contains("\"code\":\"idempotency-key-in-use\""); // the first try still runs
            if (!pending || attempt == 20) {
                return ok(response).getString("id");
            }
            Thread.sleep(100L * Math.min(attempt, 10));
        }
    }

    /**
     * Takes a workflow step, retried while the server fails closed (503) or the answer is lost (the machine is
     * busy); a lost answer is settled by reading the invoice's status.
     */
    private static void step(ConfidantServer server, String id, String action, String reached, Approver approver)
            throws Exception {
        for (int attempt = 1; attempt <= 20; attempt++) {
            String token = approver.token();
            HttpResponse<String> response = answered(() -> server.send("POST", "/api/v1/invoices/" + id + "/" + action,
                    token, null));
            if (response != null && response.statusCode() < 300) {
                return;
            }
            if (approver.renewedAfter(response, token)) {
                continue;
            }
            if (response == null || response.statusCode() == 409) {
                HttpResponse<String> read = answered(() -> server.send("GET", "/api/v1/invoices/" + id, token, null));
                if (read != null && read.statusCode() == 200 && ok(read).getString("status").equals(reached)) {
                    return;
                }
            } else if (response.statusCode() != 503) {
                ok(response); // fails the test with the Problem Details body
            }
            Thread.sleep(100L * Math.min(attempt, 10));
        }
        throw new AssertionError(action + " of " + id + " did not succeed in 20 attempts");
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** The response, or null when it did not arrive within the client's timeout. */
    private static HttpResponse<String> answered(Call call) throws Exception {
        try {
            return call.send();
        } catch (java.net.http.HttpTimeoutException lost) {
            return null;
        }
    }

    /**
     * The approving person. Approving and issuing need a second factor younger than five minutes; on a slow machine
     * the run outlasts that, and then another enrolled approver takes over, as a colleague would.
     */
    private static final class Approver {
        private volatile String token;

        Approver() throws Exception {
            token = Personas.forTenant(first, tenant).token("APPROVER");
        }

        String token() {
            return token;
        }

        /** True if {@code response} (to {@code used}) asked for step-up and a fresh approver now stands in. */
        synchronized boolean renewedAfter(HttpResponse<String> response, String used) throws Exception {
            if (response == null || response.statusCode() != 403 || !response.body().contains("step-up-required")) {
                return false;
            }
            if (used.equals(token)) {
                token = Personas.forTenant(first, tenant).token("APPROVER");
            }
            return true;
        }
    }

    /** Issues, or null when the answer did not arrive in time (the issue may or may not have committed). */
    private static HttpResponse<String> issue(ConfidantServer server, String id, String token) throws Exception {
        return answered(() -> server.send("POST", "/api/v1/invoices/" + id + "/issue", token, null));
    }

    /** Drafts created, submitted and approved by 64 clients over both instances. */
    private static List<String> prepareApprovedInvoices() throws Exception {
        Personas people = Personas.forTenant(first, tenant);
        String clerk = people.token("CLERK");
        Approver approver = new Approver();
        ConcurrentLinkedQueue<String> approved = new ConcurrentLinkedQueue<>();
        AtomicInteger toCreate = new AtomicInteger(INVOICES);
        ExecutorService pool = Executors.newFixedThreadPool(ISSUERS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < ISSUERS; i++) {
                ConfidantServer server = server(i % 2);
                work.add(pool.submit(() -> {
                    while (toCreate.getAndDecrement() > 0) {
                        String id = createDraft(server, clerk);
                        step(server, id, "submit", "SUBMITTED", approver);
                        step(server, id, "approve", "APPROVED", approver);
                        approved.add(id);
                    }
                    return null;
                }));
            }
            for (Future<?> client : work) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(approved).hasSize(INVOICES);
        return new ArrayList<>(approved);
    }

    /** Every number of the tenant's invoices, in order. */
    private static List<String> storedNumbers() throws Exception {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); PreparedStatement select = c.prepareStatement(
                "SELECT number FROM invoice WHERE tenant_id = ? AND number IS NOT NULL ORDER BY number")) {
            select.setObject(1, tenant);
            List<String> numbers = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    numbers.add(r.getString(1));
                }
            }
            return numbers;
        }
    }

    private static long counter() throws Exception {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); PreparedStatement select = c.prepareStatement(
                "SELECT last_number FROM numbering_counter WHERE tenant_id = ? AND series = 'INV'")) {
            select.setObject(1, tenant);
            try (ResultSet r = select.executeQuery()) {
                assertThat(r.next()).isTrue();
                long last = r.getLong(1);
                assertThat(r.next()).as("one counter for the year").isFalse();
                return last;
            }
        }
    }

    private static String draft() {
        return Json.createObjectBuilder().add("partyId", partyId).add("currency", "EUR")
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("description", "Maintenance").add("quantity", 1).add("unitCode", "C62")
                        .add("unitPrice", Json.createValue(new java.math.BigDecimal("100.00")))
                        .add("taxCategory", "S").add("taxRate", 20)))
                .build().toString();
    }

    private static ConfidantServer server(int instance) {
        return instance == 0 ? first : second;
    }

    private static int sequenceOf(String number) {
        return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void owner(String sql) throws Exception {
        try (Connection c = TestDatabase.SERVER.connectAsOwner(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Waits for progress made by other threads; a bound only so that a broken server cannot hang the build. */
    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("no progress within 5 minutes");
            }
            Thread.sleep(5);
        }
    }
}
