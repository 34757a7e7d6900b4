package dev.aiaas.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiaas.errors.DomainException;
import dev.aiaas.errors.ErrorKind;
import org.junit.jupiter.api.Test;

class UploadSlotsTest {

    @Test
    void oneMoreThanTheLimitIsResourceExhaustedUntilASlotIsGivenBack() {
        UploadSlots slots = new UploadSlots(2);
        UploadSlots.Slot first = slots.take();
        slots.take();

        assertThatThrownBy(slots::take).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.RESOURCE_EXHAUSTED))
                .hasMessageContaining("registry.upload.max-concurrent");

        first.close();
        assertThat(slots.take()).isNotNull();
    }

    @Test
    void aSlotGivenBackTwiceFreesOneSlot() {
        UploadSlots slots = new UploadSlots(1);
        UploadSlots.Slot slot = slots.take();

        slot.close();
        slot.close();

        assertThat(slots.available()).isEqualTo(1);
    }
}
