package app.confidant.keyceremony;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import app.confidant.security.Roles;
import app.confidant.security.TenantScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Progress of re-encryption jobs, and pausing or resuming one (custodians; auditors read): the jobs of the caller's
 * tenant only; another tenant's job is not found.
 */
@Stateless
@RolesAllowed({Roles.KEY_CUSTODIAN, Roles.AUDITOR})
public class ReencryptionService {

    @Inject
    ReencryptionJobs jobs;

    @Inject
    TenantScope scope;

    @Inject
    Clock clock;

    @ReadOnly
    public List<JobProgress> list() {
        return jobs.all().stream().filter(j -> scope.owns(j.tenant())).map(JobProgress::of).toList();
    }

    @ReadOnly
    public JobProgress get(UUID id) {
        return JobProgress.of(find(id));
    }

    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @Audited(value = "key.reencryption.pause", target = "reencryption-job")
    public JobProgress pause(UUID id) {
        return change(id, ReencryptionJob.RUNNING, ReencryptionJob.PAUSED);
    }

    @RolesAllowed(Roles.KEY_CUSTODIAN)
    @Audited(value = "key.reencryption.resume", target = "reencryption-job")
    public JobProgress resume(UUID id) {
        return change(id, ReencryptionJob.PAUSED, ReencryptionJob.RUNNING);
    }

    private JobProgress change(UUID id, String from, String to) {
        ReencryptionJob job = find(id);
        if (!from.equals(job.state())) {
            throw KeyCeremonyException.conflict("job-state", "The job is " + job.state() + ", not " + from + ".");
        }
        jobs.changeState(id, to, clock.instant());
        return get(id);
    }

    private ReencryptionJob find(UUID id) {
        return jobs.find(id).filter(j -> scope.owns(j.tenant())).orElseThrow(() -> KeyCeremonyException.notFound("Re-encryption job"));
    }
}
