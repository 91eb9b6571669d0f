package app.confidant.bench;

import app.confidant.platform.InContainer;
import app.confidant.platform.TestDatabase;
import jakarta.enterprise.inject.spi.Extension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The benchmarks' deployment: the shipped WAR plus this package, its timing extensions and the table of
 * {@link PlainParty} from a migration that only this deployment carries. Every *Bench class deploys the same
 * archive, so that the schema they share in one run always matches the migrations they carry. Failsafe runs them
 * in alphabetical order, so {@link FieldSealingBench} always starts on a fresh schema and
 * {@link WriteAuditingBench}, whose two variants write the same tables, after it.
 */
final class BenchDeployment {

    private BenchDeployment() {
    }

    static WebArchive war() {
        return InContainer.deployment(InContainer.class, TestDatabase.class)
                .addPackage(BenchDeployment.class.getPackage())
                .addAsServiceProvider(Extension.class, HsmTimingExtension.class, AuditTimingExtension.class)
                .addAsResource("app/confidant/bench/V900__bench_plain_party.sql",
                        "db/migration/V900__bench_plain_party.sql")
                .addAsResource(new StringAsset(BenchSettings.fromBuild().toProperties()), BenchSettings.RESOURCE);
    }
}
