package dev.aiaas.cli.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.cli.CommandFailure;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.proto.registry.v1.AliasChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackCommandTest {

    @Test
    void theAliasGoesBackToTheVersionItsNewestMovePointedAwayFrom() {
        List<AliasChange> newestFirst = List.of(change(3, 2), change(2, 1), change(1, 0));

        assertThat(RollbackCommand.previousVersion("penguins", "champion", newestFirst)).isEqualTo(2);
    }

    @Test
    void aSecondRollbackUndoesTheFirst() {
        List<AliasChange> afterRollback = List.of(change(2, 3), change(3, 2), change(2, 1));

        assertThat(RollbackCommand.previousVersion("penguins", "champion", afterRollback)).isEqualTo(3);
    }

    @Test
    void anAliasWithNoEarlierVersionOrDeletedOrNeverSetCannotRollBack() {
        assertThatThrownBy(() -> RollbackCommand.previousVersion("m", "champion", List.of(change(1, 0))))
                .isInstanceOfSatisfying(CommandFailure.class, f -> assertThat(f.exitCode()).isEqualTo(ExitCodes.REFUSED))
                .hasMessageContaining("no earlier version");
        assertThatThrownBy(() -> RollbackCommand.previousVersion("m", "champion", List.of(change(0, 2))))
                .hasMessageContaining("was deleted");
        assertThatThrownBy(() -> RollbackCommand.previousVersion("m", "champion", List.of()))
                .hasMessageContaining("never set");
    }

    private static AliasChange change(long version, long previous) {
        return AliasChange.newBuilder().setAlias("champion").setVersion(version).setPreviousVersion(previous).build();
    }
}
