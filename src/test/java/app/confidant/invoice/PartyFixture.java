package app.confidant.invoice;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/** In-container test probe: parties written and read in transactions of their own, as a service would. */
@ApplicationScoped
@Transactional
public class PartyFixture {

    @Inject
    PartyRepository parties;

    @PersistenceContext(unitName = "confidant")
    EntityManager em;

    @Resource(lookup = "jdbc/confidant")
    DataSource dataSource;

    public UUID create(UUID tenant, String tag) {
        Party party = new Party(tenant, "DE", Instant.now());
        party.legalName("Legal " + tag);
        party.tradingName("Trading " + tag);
        party.taxId("DE 123 456 " + tag);
        party.addressLines("Street 1 " + tag + "\nFloor 2");
        party.email("Billing." + tag + "@Example.com");
        party.phone("+49 30 " + tag);
        party.iban("DE89 3704 0044 0532 0130 00 " + tag);
        party.notes("Notes " + tag);
        party.city("Berlin");
        party.postcode("10115");
        parties.add(party);
        return party.id();
    }

    public <T> T read(UUID tenant, UUID id, Function<Party, T> reader) {
        return reader.apply(parties.find(tenant, id).orElseThrow());
    }

    public void update(UUID tenant, UUID id, Consumer<Party> change) {
        change.accept(parties.find(tenant, id).orElseThrow());
    }

    public List<UUID> findByTaxId(UUID tenant, String taxId) {
        return parties.findByTaxId(tenant, taxId).stream().map(Party::id).toList();
    }

    public List<UUID> findByEmail(UUID tenant, String email) {
        return parties.findByEmail(tenant, email).stream().map(Party::id).toList();
    }

    public boolean inSharedCache(UUID id) {
        return em.getEntityManagerFactory().getCache().contains(Party.class, id);
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
