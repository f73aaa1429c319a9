package io.canhgac.event.incident;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentStatusTest {

    @Test
    void theWorkflowGoesForwardAResolvedIncidentMayBeReopenedAndClosedIsFinal() {
        List<String> allowed = new ArrayList<>();
        for (IncidentStatus from : IncidentStatus.values()) {
            for (IncidentStatus to : IncidentStatus.values()) {
                if (from.canBecome(to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder(
                "OPEN->INVESTIGATING", "OPEN->RESOLVED", "OPEN->CLOSED",
                "INVESTIGATING->RESOLVED", "INVESTIGATING->CLOSED",
                "RESOLVED->INVESTIGATING", "RESOLVED->CLOSED");
        assertThat(IncidentStatus.CLOSED.next()).isEmpty();
        for (IncidentStatus status : IncidentStatus.values()) {
            assertThat(status.canBecome(status)).as(status + " to itself is no change").isFalse();
        }
    }
}
