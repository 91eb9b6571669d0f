package app.confidant.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An approval approves exactly its own act on its own target, once decided, and shows itself EXPIRED when due. */
class ApprovalTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private final UUID target = UUID.randomUUID();
    private final Approval approval = new Approval(UUID.randomUUID(), ApprovalService.Proposal.about(
            Approval.Action.DISABLE_USER, target, "left the company", null), UUID.randomUUID(), NOW,
            NOW.plusSeconds(60));

    @Test
    void aPendingApprovalApprovesNothing() {
        assertThat(approval.approves(Approval.Action.DISABLE_USER, target)).isFalse();
        assertThat(approval.stateAt(NOW)).isEqualTo(Approval.PENDING);
    }

    @Test
    void anApprovedOneApprovesOnlyItsActOnItsTarget() {
        approval.decide(Approval.APPROVED, UUID.randomUUID(), NOW);
        assertThat(approval.approves(Approval.Action.DISABLE_USER, target)).isTrue();
        assertThat(approval.approves(Approval.Action.ENABLE_USER, target)).isFalse();
        assertThat(approval.approves(Approval.Action.DISABLE_USER, UUID.randomUUID())).isFalse();
    }

    @Test
    void aPendingOnePastItsExpiryIsExpiredAndADecidedOneKeepsItsState() {
        assertThat(approval.stateAt(NOW.plusSeconds(60))).isEqualTo(Approval.EXPIRED);
        approval.decide(Approval.REJECTED, UUID.randomUUID(), NOW);
        assertThat(approval.stateAt(NOW.plusSeconds(600))).isEqualTo(Approval.REJECTED);
        assertThat(approval.approves(Approval.Action.DISABLE_USER, target)).isFalse();
    }
}
