package app.confidant.keyceremony;

import java.util.List;

/**
 * The tables whose rows carry a tenant's sealed fields ({@code sealed_fields}, {@code sealed_key_version}) and the
 * entity type bound into their seals. A new table with sealed fields per tenant must be added here: rotation
 * re-seals and counts only these, and a value left behind on a destroyed version is lost.
 */
final class SealedTables {

    /**
     * A table, the entity type its seals are bound to, its key column (the id bound into the seals), and whether its
     * rows carry an optimistic-lock {@code row_version} (entities that are updated).
     */
    record Table(String name, String entityType, String idColumn, boolean versioned) {

        /**
         * A job's rewrite bumps the row version: an instance that read the row before and writes it after (still
         * sealing or indexing with the old version, within its cache time) then fails its optimistic lock instead of
         * writing an old-version value under the new version number (JPA writes changed columns only, and the
         * version number would not look changed to it). The client re-reads: one 412 instead of a lost value.
         */
        String bumpVersion() {
            return versioned ? ", row_version = row_version + 1" : "";
        }
    }

    static final Table PARTY = new Table("party", "party", "id", true);

    static final List<Table> ALL = List.of(PARTY, new Table("invoice", "invoice", "id", true),
            new Table("einvoice_seller", "einvoice-seller", "id", true),
            new Table("einvoice_import", "einvoice-import", "invoice_id", false));

    private SealedTables() {
    }
}
