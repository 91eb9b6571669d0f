package app.confidant.keyceremony;

import java.util.List;

/**
 * The tables whose rows carry a tenant's sealed fields ({@code sealed_fields}, {@code sealed_key_version}) and the
 * entity type bound into their seals. A new table with sealed fields per tenant must be added here: rotation
 * re-seals and counts only these, and a value left behind on a destroyed version is lost.
 */
final class SealedTables {

    /** A table, the entity type its seals are bound to, and its key column (the id bound into the seals). */
    record Table(String name, String entityType, String idColumn) {
    }

    static final List<Table> ALL = List.of(new Table("party", "party", "id"), new Table("invoice", "invoice", "id"),
            new Table("einvoice_seller", "einvoice-seller", "id"),
            new Table("einvoice_import", "einvoice-import", "invoice_id"));

    private SealedTables() {
    }
}
