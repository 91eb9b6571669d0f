package app.confidant.keyceremony;

import java.util.List;

/**
 * The tables whose rows carry a tenant's sealed fields ({@code sealed_fields}, {@code sealed_key_version}) and the
 * entity type bound into their seals. A new table with sealed fields per tenant must be added here: rotation
 * re-seals and counts only these, and a value left behind on a destroyed version is lost.
 */
final class SealedTables {

    record Table(String name, String entityType) {
    }

    static final List<Table> ALL = List.of(new Table("party", "party"), new Table("invoice", "invoice"));

    private SealedTables() {
    }
}
