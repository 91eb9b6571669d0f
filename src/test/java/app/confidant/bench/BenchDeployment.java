package app.confidant.bench;

import app.confidant.platform.InContainer;
import app.confidant.platform.TestDatabase;
import jakarta.enterprise.inject.spi.Extension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The benchmarks' deployment: the shipped WAR plus this package, its timing and baseline extensions, and the tables
 * of {@link PlainParty} and {@link BenchRow} from migrations that only this deployment carries. The HTTP benchmark
 * runs the same archive, exported to a file, on a server launched like production. Every *Bench class deploys the same
 * archive, so that the schema they share in one run always matches the migrations they carry. Failsafe runs them
 * in alphabetical order, so {@link FieldSealingBench} always starts on a fresh schema and
 * {@link WriteAuditingBench}, whose two variants write the same tables, after it.
 */
public final class BenchDeployment {

    private BenchDeployment() {
    }

    public static WebArchive war() {
        return InContainer.deployment(InContainer.class, TestDatabase.class)
                .addPackage(BenchDeployment.class.getPackage())
                .addAsServiceProvider(Extension.class, HsmTimingExtension.class, AuditTimingExtension.class,
                        BaselineExtension.class)
                .addAsResource("app/confidant/bench/V900__bench_plain_party.sql",
                        "db/migration/V900__bench_plain_party.sql")
                .addAsResource("app/confidant/bench/V901__bench_row.sql", "db/migration/V901__bench_row.sql")
                .addAsResource(new StringAsset(BenchSettings.fromBuild().toProperties()), BenchSettings.RESOURCE);
    }
}
