package io.canhgac.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The centre on a random port with its embedded PostgreSQL, the demo accounts and a gateway token: what
 * the API tests have in common. Every class extending this without settings of its own runs in one
 * cached application context; a class that needs more settings adds a {@code @TestPropertySource} (and
 * gets a context of its own, shared with the classes adding the same).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=" + CentreApiTest.GATEWAY_TOKEN,
        "canhgac.accounts.demo=true"})
public abstract class CentreApiTest {

    /** The shared gateway's bearer token on the ingest routes. */
    public static final String GATEWAY_TOKEN = "test-token";

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;

    /** http://127.0.0.1:port, set before each test (and before a subclass's own set-up). */
    protected String base;

    @BeforeEach
    protected final void centreAddress() {
        base = "http://127.0.0.1:" + port;
    }

    /** A demo account signed in through the form: its password is the user name and "-demo". */
    protected WebSession signIn(String username) {
        return WebSession.login(base, username, username + "-demo");
    }
}
