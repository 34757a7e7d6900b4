package dev.aiaas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aiaas.events.Topics;
import dev.aiaas.proto.access.v1.Grant;
import dev.aiaas.proto.events.v1.GrantChanged;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The directory holds each subject's latest granted role per project, as the topic's records say. */
class GrantDirectoryTest {

    private final GrantDirectory directory = new GrantDirectory();

    @Test
    void theLatestRecordOfAGrantCountsAndARevocationRemovesIt() throws Exception {
        apply("iris", "ana", dev.aiaas.proto.access.v1.Role.VIEWER);
        apply("mnist", "ana", dev.aiaas.proto.access.v1.Role.EDITOR);
        apply("iris", "ana", dev.aiaas.proto.access.v1.Role.ADMIN);

        assertThat(directory.of("ana")).isEqualTo(Map.of("iris", Role.ADMIN, "mnist", Role.EDITOR));

        apply("iris", "ana", dev.aiaas.proto.access.v1.Role.ROLE_UNSPECIFIED);
        apply("mnist", "ana", dev.aiaas.proto.access.v1.Role.ROLE_UNSPECIFIED);

        assertThat(directory.of("ana")).isEmpty();
        assertThat(directory.subjects()).isZero();
    }

    @Test
    void aRecordWhoseGrantDoesNotMatchItsKeyOrIsNoGrantIsRefused() {
        byte[] bob = GrantChanged.newBuilder().setGrant(Grant.newBuilder().setProject("iris").setSubject("bob")
                .setRole(dev.aiaas.proto.access.v1.Role.ADMIN)).build().toByteArray();

        assertThatThrownBy(() -> directory.apply(Topics.grantKey("iris", "mallory"), bob))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iris/mallory");
        assertThatThrownBy(() -> directory.apply("iris/bob", "{\"role\":\"admin\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidProtocolBufferException.class);
        assertThat(directory.of("bob")).isEmpty();
        assertThat(directory.of("mallory")).isEmpty();
    }

    private void apply(String project, String subject, dev.aiaas.proto.access.v1.Role role) throws Exception {
        directory.apply(Topics.grantKey(project, subject), GrantChanged.newBuilder().setGrant(Grant.newBuilder()
                .setProject(project).setSubject(subject).setRole(role)).build().toByteArray());
    }
}
