package io.canhgac.simulator.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class LinkRelaysTest {

    @Test
    void namedLinksAreFoundListedAndClosedTogether() throws Exception {
        try (EchoServer centre = new EchoServer(); LinkRelays links = new LinkRelays()) {
            LinkRelay sonVien = links.create("son-vien", centre.address());
            LinkRelay queLoc = links.create("que-loc", centre.address());

            assertThat(links.get("que-loc")).isSameAs(queLoc);
            assertThat(links.all()).containsExactly(queLoc, sonVien);
            assertThat(links.find("phuoc-ninh")).isEmpty();
            assertThatThrownBy(() -> links.get("phuoc-ninh")).isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("no link 'phuoc-ninh'").hasMessageContaining("que-loc, son-vien");
            assertThatThrownBy(() -> links.create("que-loc", centre.address())).isInstanceOf(IllegalStateException.class);

            InetSocketAddress address = queLoc.address();
            links.close();
            assertThat(links.all()).isEmpty();
            assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                    .isInstanceOf(ConnectException.class);
            assertThatThrownBy(queLoc::cut).isInstanceOf(IllegalStateException.class);
        }
    }
}
