package app.confidant.bench.http;

/**
 * What would close each goal when a run misses it: the engineering notes behind the figures, kept next to the code
 * that measures them so that they change together.
 */
final class Remedies {

    static final String CEILING = "An invoice create does far more than the ceiling's one-row insert: token lookup, "
            + "validation of 3 lines, the party lookup, one HSM seal, four inserts (invoice, 3 lines) and an audit "
            + "event whose MAC is computed in the HSM under the chain head's row lock. Compare the variant with the "
            + "audit off: where it matches the ceiling, the gap is the audit chain's serialisation (see the cost of "
            + "audit); otherwise the profile below shows the split.";
    static final String CREATE_P99 = "p99 is dominated by queueing on 2 shared cores at 32 clients (closed loop): "
            + "latency ≈ clients ÷ throughput. Raising throughput (see the ceiling) lowers it in proportion.";
    static final String SEALING = "A sealed write costs one AES-GCM inside SoftHSM2 (and the blind-index MACs of a "
            + "party), a read one decryption, through SunPKCS11. SunPKCS11 already gives each thread its own PKCS#11 "
            + "session, but SoftHSM2 gets no faster with more threads: one thread or sixteen reach the same "
            + "~21,000 AES-GCM operations per second on this machine (shared/notes), so concurrent requests queue for "
            + "it. A network or PCIe HSM with parallel sessions, or fewer HSM calls per request, would close it.";
    static final String AUDIT = "Every audited write of a node appends to that node's one chain: it locks the chain "
            + "head's row (SELECT ... FOR UPDATE) and holds it until its transaction commits, WAL flush included. "
            + "Writes of one node therefore pass the head one at a time, and on saturated cores the holder is often "
            + "descheduled while the others queue behind it. Compare invoice create with the audit off against the "
            + "platform ceiling: without the append it reaches the ceiling. What would close it: several chains per "
            + "node (lanes: each its own head, sequence and MAC chain, verified like any other; a transaction "
            + "appends all its events to one lane, so lanes never deadlock), which lets appends run in parallel.";
    static final String READ_AUDIT = "A read in clear writes its data.read event in the read's own transaction: "
            + "one HMAC in the HSM and one insert under a lane head's row lock, so a read now commits like a write. "
            + "What would close it: more lanes per node, or fewer events (one per request already, whatever the "
            + "number of rows read).";
    static final String SEARCH = "Search by tax id resolves the party through its blind index (one MAC in the HSM), "
            + "then reads the party's first page over the index (tenant_id, party_id, created_at, id) (V41) and "
            + "opens 20 invoices in the HSM. Growth left after that is the database's own (a deeper index, a "
            + "colder cache): more shared_buffers, or fewer invoices opened per page (a summary list that opens "
            + "nothing), would cut it.";
    static final String LIST = "List by status and issue week reads the page over the index (tenant_id, status, "
            + "issue_date, created_at, id) (V41) in the order it returns, then opens 20 invoices in the HSM. Growth "
            + "left after that is the database's own (a deeper index, a colder cache): more shared_buffers, or a "
            + "summary list that opens nothing, would cut it.";
    static final String NUMBERS = "Gaps or duplicates would be a correctness bug in numbering (NumberingCounters), "
            + "not a performance problem: see InvoiceWorkflowIT.";
    static final String READY = "Launch to ready includes the launcher's SoftHSM2 token and TLS set-up, Payara "
            + "Micro's boot, Flyway and the HSM health check; Payara's own figure is shown next to it. On a busy "
            + "shared machine boot is CPU-bound: CDS (-XX:SharedArchiveFile) of Payara's classes helps most.";
    static final String HEAP = "The JVM was left at its default maximum heap; the used heap after a full GC is "
            + "what the application needs. -Xmx512m would cap it.";

    static final String POOLS = "Pool sizes are production's: at most 32 HTTP worker threads (pre-boot.asadmin; "
            + "Payara's default is 200) and an application pool of 48 PostgreSQL connections "
            + "(CONFIDANT_DB_POOL_SIZE's default). Issues of one series serialise on the counter's row lock, so more "
            + "concurrency in the server adds waiters, not throughput; a worker that holds a connection can always "
            + "get the second one its audit append may need (32 < 48), so 64 issuers cannot run the pool dry: the "
            + "clients beyond 32 wait in Grizzly's queue holding nothing. With Payara's 200 workers, 64 issuers held "
            + "every connection while queueing for the lock and requests timed out (first runs of this benchmark).";

    private Remedies() {
    }
}
