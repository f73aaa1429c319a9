package io.canhgac.contract.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRangeTest {

    @Test
    void aPrefixCoversItsHostsOnly() {
        AddressRange r = AddressRange.parse("10.20.1.77/24");
        assertThat(r.toString()).isEqualTo("10.20.1.1-10.20.1.254");
        assertThat(r.size()).isEqualTo(254);
        assertThat(r.address(0).getHostAddress()).isEqualTo("10.20.1.1");
        assertThat(r.address(253).getHostAddress()).isEqualTo("10.20.1.254");
        assertThat(r.isLoopback()).isFalse();
        assertThat(AddressRange.parse("127.0.73.0/27").toString()).isEqualTo("127.0.73.1-127.0.73.30");
        assertThat(AddressRange.parse("10.0.0.8/31").size()).isEqualTo(2);
    }

    @Test
    void aDashedRangeCrossesOctets() {
        AddressRange r = AddressRange.parse(" 127.0.10.250 - 127.0.11.3 ");
        assertThat(r.size()).isEqualTo(10);
        assertThat(r.address(6).getHostAddress()).isEqualTo("127.0.11.0");
        assertThat(r.isLoopback()).isTrue();
        assertThat(AddressRange.parse("127.0.0.9").size()).isEqualTo(1);
    }

    @Test
    void mistakesAreRefusedWithoutNameLookups() {
        assertThatThrownBy(() -> AddressRange.parse("camera.local")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.9-10.0.0.1")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/8")).hasMessageContaining("out of 16..32");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0-10.2.0.0")).hasMessageContaining("larger than");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.1").address(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
