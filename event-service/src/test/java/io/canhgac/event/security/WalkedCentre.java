package io.canhgac.event.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.config.DistrictInventory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo centre the route walks call: one application context for {@link RouteWalkTest} and
 * {@link DistrictScopeTest} and {@code EcosystemApiTest}, and the routes it has.
 */
// tests turn metrics export off unless asked: /actuator/prometheus is a route to walk
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "canhgac.database.embedded.data-dir=",
        "canhgac.ingest.token=test-token",
        "canhgac.accounts.demo=true",
        "canhgac.metrics.scrape-token=" + WalkedCentre.SCRAPE_TOKEN})
public abstract class WalkedCentre {

    /** Prometheus's token; shared with the metrics test so both run in one application context. */
    public static final String SCRAPE_TOKEN = "test-scrape-token-0123456789";

    @LocalServerPort
    protected int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    DistrictInventory inventory;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    PasswordEncoder encoder;

    protected String base;

    @BeforeEach
    protected void setUpBase() {
        base = "http://127.0.0.1:" + port;
    }

    /**
     * An operator scoped to a district, with the password {@code <username>-demo} and nothing to
     * change first; made once (a BCrypt hash only when absent).
     */
    void districtOperator(String username, String districtId) {
        if (jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = ?", Integer.class, username) == 0) {
            jdbc.update("""
                    INSERT INTO app_user (username, password_hash, display_name, role, district_id)
                    VALUES (?, ?, ?, 'OPERATOR', ?) ON CONFLICT (username) DO NOTHING""",
                    username, encoder.encode(username + "-demo"), "Trực ban " + districtId, districtId);
        }
    }

    /** Every mapped route and static file, as "METHOD path". */
    Set<String> routes() throws Exception {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> {
                Collection<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                        ? List.of(RequestMethod.GET, RequestMethod.POST) : info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(m -> routes.add(m + " " + pattern));
                }
            });
        }
        // WebSocket endpoints (the gateways' control link) are URL mappings of their own
        for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            mapping.getHandlerMap().forEach((pattern, handler) -> {
                if (handler instanceof WebSocketHttpRequestHandler) {
                    routes.add("GET " + pattern);
                }
            });
        }
        routes.add("GET /");
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**/*.*")) {
            String url = file.getURL().toString();
            routes.add("GET /" + url.substring(url.lastIndexOf("static/") + "static/".length()));
        }
        return routes;
    }
}
