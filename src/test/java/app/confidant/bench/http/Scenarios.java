package app.confidant.bench.http;

import app.confidant.security.Personas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The six scenarios against one server. Variants and their baselines take turns within each round (the order
 * rotates), so a burst of other load on the shared machine hits all of them alike; each driver run has its own
 * warm-up. Labels are what the report and the goals refer to.
 */
final class Scenarios {

    static final String WRITE = "write";
    static final String READ = "read";
    static final String ISSUE = "issue";
    static final String SCALE = "scale";
    static final String CEILING = "platform ceiling: JPA insert";
    static final String CREATE = "invoice create";
    static final String CREATE_PLAIN = "invoice create, pass-through sealer";
    static final String CREATE_UNAUDITED = "invoice create, audit off";
    static final String GET = "invoice read";
    static final String GET_PLAIN = "invoice read, pass-through sealer";
    /** The read without its data.read event (the bench-only audit switch): what auditing a read in clear costs. */
    static final String GET_UNAUDITED = "invoice read, audit off";
    static final String ISSUING = "invoice issue, gapless numbering";
    static final int WRITERS = 32;
    static final int READERS = 32;
    static final int ISSUERS = 64;
    static final int SEARCHERS = 16;

    /** What the concurrency scenario proved about the numbers it handed out. */
    record Issuing(LoadRun run, long approved, long issued, long lowest, long highest, boolean gapless) {
    }

    /** The seeding of the scale scenario. */
    record Scale(int small, int large, double seedSeconds, int seeded, int parties) {
        double seedRate() {
            return seeded / seedSeconds;
        }
    }

    private final BenchServer server;
    private final HttpBench.HttpCounts n;
    private final Path work;
    private final String clerk;
    private final DriverProcess driver;
    private final BenchData data;
    private final String partyId;
    private final Random random = new Random(42);
    private long heapAfterWarmup;
    private String profile = "";

    Scenarios(BenchServer server, HttpBench.HttpCounts n, Path work) throws Exception {
        this.server = server;
        this.n = n;
        this.work = work;
        this.clerk = Personas.forTenant(server.server(), UUID.randomUUID()).token("CLERK");
        this.driver = new DriverProcess(server, clerk, work.resolve("runs"));
        this.data = new BenchData(server, n.seedChunk());
        this.partyId = server.call("POST", "/api/v1/parties", clerk,
                "{\"legalName\":\"Bench Buyer AG\",\"country\":\"DE\",\"taxId\":\"DE 811 907 980\"}").getString("id");
    }

    long heapAfterWarmup() {
        return heapAfterWarmup;
    }

    String profile() {
        return profile;
    }

    /**
     * Scenarios 1–3: ceiling, sealing and audit, all on invoice create; then reads with and without the HSM, and
     * with and without their audit event ({@code data.read}). JFR
     * records the last round's invoice create (its warm-up included: the same work).
     */
    List<LoadRun> writesAndReads() throws Exception {
        Path create = paths("create", List.of("/api/v1/invoices"));
        Path rows = paths("rows", List.of("/api/v1/bench/rows"));
        String invoice = invoice(partyId);
        driver.run(WRITE, "warm-up", plan(create, "POST", invoice, WRITERS, n.warmup() * 3, n.warmup(), null));
        driver.run(WRITE, "warm-up", plan(rows, "POST", "{\"payload\":\"x\"}", WRITERS, n.warmup() * 3, n.warmup(),
                null));
        heapAfterWarmup = server.status(clerk, true).heapUsed();

        List<LoadRun> runs = new ArrayList<>();
        List<String> writes = new ArrayList<>(List.of(CEILING, CREATE, CREATE_PLAIN, CREATE_UNAUDITED));
        List<String> reads = new ArrayList<>(List.of(GET, GET_PLAIN, GET_UNAUDITED));
        for (int round = 0; round < n.rounds(); round++) {
            List<String> sealedIds = new ArrayList<>();
            List<String> plainIds = new ArrayList<>();
            for (String variant : writes) {
                server.mode(clerk, variant.equals(CREATE_PLAIN), variant.equals(CREATE_UNAUDITED));
                boolean profiled = variant.equals(CREATE) && round == n.rounds() - 1;
                if (profiled) {
                    server.jcmd("JFR.start", "name=bench", "settings=profile");
                }
                LoadRun run = variant.equals(CEILING)
                        ? driver.run(WRITE, variant, plan(rows, "POST", "{\"payload\":\"bench row\"}", WRITERS,
                                n.warmup(), n.requests(), null))
                        : driver.run(WRITE, variant, plan(create, "POST", invoice, WRITERS, n.warmup(), n.requests(),
                                "id"));
                if (profiled) {
                    profile = stopProfile();
                }
                (variant.equals(CREATE_PLAIN) ? plainIds : sealedIds).addAll(run.captured());
                runs.add(run);
            }
            for (String variant : reads) {
                server.mode(clerk, variant.equals(GET_PLAIN), variant.equals(GET_UNAUDITED));
                List<String> ids = variant.equals(GET_PLAIN) ? plainIds : sealedIds;
                Path get = paths("get-" + round + "-" + reads.indexOf(variant),
                        ids.stream().map(id -> "/api/v1/invoices/" + id).toList());
                runs.add(driver.run(READ, variant, plan(get, "GET", null, READERS, n.warmup(), n.readRequests(),
                        null)));
            }
            Collections.rotate(writes, 1);
            Collections.rotate(reads, 1);
        }
        server.mode(clerk, false, false);
        return runs;
    }

    /** Scenario 5: approved invoices issued by 64 clients at once; then the numbers are checked in the database. */
    Issuing issuing(List<LoadRun> runs) throws Exception {
        Personas tenant = Personas.forTenant(server.server(), UUID.randomUUID());
        String tenantClerk = tenant.token("CLERK");
        String approver = tenant.token("APPROVER"); // stepped up for five minutes from now
        String party = server.call("POST", "/api/v1/parties", tenantClerk,
                "{\"legalName\":\"Numbers GmbH\",\"country\":\"AT\"}").getString("id");
        int warm = Math.min(n.warmup(), n.issues());
        data.seed(tenantClerk, 1 + warm + n.issues(), "APPROVED", List.of(party), 0, Long.MAX_VALUE);
        List<String> ids = BenchData.approvedIds(tenant.tenant());
        // The year's first issue alone: it creates the series' counter row (see the report on the first-issue race).
        server.call("POST", issuePath(ids.get(0)), approver, null);
        Path warmup = paths("issue-warmup", ids.subList(1, 1 + warm).stream().map(Scenarios::issuePath).toList());
        Path measured = paths("issue", ids.subList(1 + warm, ids.size()).stream().map(Scenarios::issuePath).toList());
        driver.run(ISSUE, "warm-up", onceEach(warmup, approver));
        LoadRun run = driver.run(ISSUE, ISSUING, onceEach(measured, approver));
        runs.add(run);
        TreeSet<Long> numbers = BenchData.settledNumbers(tenant.tenant());
        long issued = numbers.size();
        boolean gapless = !numbers.isEmpty() && numbers.first() == 1 && numbers.last() == issued;
        return new Issuing(run, ids.size(), issued, numbers.first(), numbers.last(), gapless);
    }

    /** Scenario 4: search by tax id and list by status and issue week, at the small size and at the large one. */
    Scale scale(List<LoadRun> runs) throws Exception {
        Personas tenant = Personas.forTenant(server.server(), UUID.randomUUID());
        String tenantClerk = tenant.token("CLERK");
        List<String> parties = data.parties(tenantClerk, n.parties());
        data.seed(tenantClerk, n.scaleSmall(), "ISSUED", parties, 0, Long.MAX_VALUE);
        BenchData.analyze();
        runs.addAll(lookups(tenantClerk, parties, label(n.scaleSmall())));
        long start = System.nanoTime();
        int more = data.seed(tenantClerk, n.scaleLarge() - n.scaleSmall(), "ISSUED", parties, n.scaleSmall(),
                start + java.time.Duration.ofMinutes(n.seedMinutes()).toNanos());
        BenchData.analyze();
        double seconds = (System.nanoTime() - start) / 1e9;
        int large = n.scaleSmall() + more;
        runs.addAll(lookups(tenantClerk, parties, label(large)));
        return new Scale(n.scaleSmall(), large, seconds, more, parties.size());
    }

    static String label(int invoices) {
        return invoices >= 1_000_000 ? invoices / 1_000_000 + "M" : invoices / 1000 + "k";
    }

    static String searchLabel(String size) {
        return "search by tax id, " + size + " invoices";
    }

    static String listLabel(String size) {
        return "list by status and week, " + size + " invoices";
    }

    private List<LoadRun> lookups(String token, List<String> parties, String size) throws Exception {
        List<String> searches = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 500; i++) {
            int party = random.nextInt(parties.size());
            searches.add("/api/v1/invoices?taxId=" + BenchData.taxId(party) + "&limit=20");
            LocalDate from = first.plusDays(random.nextInt(720));
            lists.add("/api/v1/invoices?status=ISSUED&issuedFrom=" + from + "&issuedTo=" + from.plusDays(6)
                    + "&limit=20");
        }
        LoadRun search = driver.run(SCALE, searchLabel(size), plan(paths("search-" + size, searches), "GET", null,
                SEARCHERS, n.warmup(), n.scaleRequests(), null).withToken(token));
        LoadRun list = driver.run(SCALE, listLabel(size), plan(paths("list-" + size, lists), "GET", null,
                SEARCHERS, n.warmup(), n.scaleRequests(), null).withToken(token));
        return List.of(search, list);
    }

    private static String issuePath(String id) {
        return "/api/v1/invoices/" + id + "/issue";
    }

    private String stopProfile() throws Exception {
        Path recording = work.resolve("invoice-create.jfr");
        Files.deleteIfExists(recording);
        server.jcmd("JFR.stop", "name=bench", "filename=" + recording);
        return JfrSummary.of(recording);
    }

    private LoadPlan plan(Path paths, String method, String body, int clients, int warmup, int requests,
                          String capture) {
        return new LoadPlan(server.baseUrl(), server.certificate(), clerk, method, paths, body, false, clients, warmup,
                requests, n.maxSeconds(), capture);
    }

    private LoadPlan onceEach(Path paths, String token) {
        return new LoadPlan(server.baseUrl(), server.certificate(), token, "POST", paths, null, true, ISSUERS, 0, 0,
                Math.max(60, n.maxSeconds() * 4), null);
    }

    private Path paths(String name, List<String> lines) throws java.io.IOException {
        return Files.write(work.resolve("paths-" + name + ".txt"), lines);
    }

    /** The invoice of InvoiceWorkflowIT: a party reference and three lines in two tax categories. */
    static String invoice(String party) {
        String line = "{\"description\":\"%s\",\"quantity\":%s,\"unitCode\":\"%s\",\"unitPrice\":%s,"
                + "\"taxCategory\":\"%s\",\"taxRate\":%s}";
        return "{\"partyId\":\"" + party + "\",\"currency\":\"EUR\",\"note\":\"benchmark\",\"lines\":["
                + line.formatted("Consulting", "3", "HUR", "33.333", "S", "19") + ","
                + line.formatted("Travel", "7", "C62", "1.115", "S", "19") + ","
                + line.formatted("Export parts", "1", "C62", "250", "G", "0") + "]}";
    }
}
