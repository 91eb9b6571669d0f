package app.confidant.bench.http;

import app.confidant.platform.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The data the scenarios need and check: parties over the API, invoices through the bench seeder, and what the
 * database holds afterwards (read as the schema owner, outside the server).
 */
final class BenchData {

    private final BenchServer server;
    private final int seedChunk;

    BenchData(BenchServer server, int seedChunk) {
        this.server = server;
        this.seedChunk = seedChunk;
    }

    static String taxId(int party) {
        return "DE9%08d".formatted(party);
    }

    /** {@code count} parties with the tax ids {@link #taxId(int)} 0..count-1, created over the API. */
    List<String> parties(String token, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String body = "{\"legalName\":\"Scale Party " + i + "\",\"country\":\"DE\",\"taxId\":\""
                        + taxId(i) + "\"}";
                created.add(pool.submit(() -> server.call("POST", "/api/v1/parties", token, body).getString("id")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Seeds through the bench endpoint in chunks, three at a time (sealing in the server and writing in PostgreSQL
     * overlap); chunks not started by {@code deadline} are skipped. Returns how many invoices were seeded.
     */
    int seed(String token, int count, String status, List<String> parties, long firstNumber, long deadline)
            throws Exception {
        JsonArrayBuilder partyIds = Json.createArrayBuilder();
        parties.forEach(partyIds::add);
        String partyJson = partyIds.build().toString();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> chunks = new ArrayList<>();
            for (int done = 0; done < count; done += seedChunk) {
                int size = Math.min(seedChunk, count - done);
                String body = "{\"count\":" + size + ",\"status\":\"" + status + "\",\"parties\":" + partyJson
                        + ",\"firstDay\":\"2024-01-01\",\"days\":730,\"firstNumber\":" + (firstNumber + done + 1)
                        + ",\"approvedBy\":\"" + UUID.randomUUID() + "\"}";
                chunks.add(pool.submit(() -> System.nanoTime() > deadline ? 0
                        : server.call("POST", "/api/v1/bench/seed", token, body).getInt("invoices")));
            }
            int seeded = 0;
            for (Future<Integer> chunk : chunks) {
                seeded += chunk.get();
            }
            return seeded;
        } finally {
            pool.shutdownNow();
        }
    }

    static void analyze() throws Exception {
        try (Connection c = TestDatabase.HTTP_BENCH.connectAsOwner(); Statement s = c.createStatement()) {
            s.execute("ANALYZE invoice");
            s.execute("ANALYZE invoice_line");
            s.execute("ANALYZE party");
        }
    }

    static List<String> approvedIds(UUID tenant) throws Exception {
        return column("SELECT id FROM invoice WHERE tenant_id = ? AND status = 'APPROVED' ORDER BY created_at",
                tenant);
    }

    /** The first column of a query on the bench schema that takes one parameter, the tenant. */
    private static List<String> column(String sql, UUID tenant) throws Exception {
        try (Connection c = TestDatabase.HTTP_BENCH.connectAsOwner(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, tenant);
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        }
    }

    /** The numbers once no issue is in flight any more (a timed-out request may still commit on the server). */
    static TreeSet<Long> settledNumbers(UUID tenant) throws Exception {
        TreeSet<Long> before = issuedNumbers(tenant);
        for (int i = 0; i < 30; i++) {
            Thread.sleep(2000);
            TreeSet<Long> now = issuedNumbers(tenant);
            if (now.equals(before)) {
                return now;
            }
            before = now;
        }
        return before;
    }

    private static TreeSet<Long> issuedNumbers(UUID tenant) throws Exception {
        TreeSet<Long> numbers = new TreeSet<>();
        for (String number : column("SELECT number FROM invoice WHERE tenant_id = ? AND series = 'INV'"
                + " AND number IS NOT NULL", tenant)) {
            numbers.add(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)));
        }
        return numbers;
    }

}
