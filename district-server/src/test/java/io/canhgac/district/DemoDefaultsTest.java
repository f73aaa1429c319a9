package io.canhgac.district;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The all-in-one's default for demo accounts follows the simulator, and anything set wins. */
class DemoDefaultsTest {

    private static boolean demo(Map<String, Object> set) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("set", set));
        // the application.yml on the classpath sits above the defaults, as in a real start
        for (var yml : new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            env.getPropertySources().addLast(yml);
        }
        // where SpringApplication puts its default properties: last
        env.getPropertySources().addLast(new MapPropertySource("defaultProperties", DistrictServerApplication.DEFAULTS));
        return Binder.get(env).bind("canhgac.accounts.demo", Boolean.class).orElseThrow(AssertionError::new);
    }

    @Test
    void demoAccountsFollowTheSimulatorUnlessSet() throws Exception {
        assertThat(demo(Map.of())).as("plain java -jar: the simulated demo district").isTrue();
        assertThat(demo(Map.of("canhgac.simulator.enabled", "false"))).as("real cameras").isFalse();
        assertThat(demo(Map.of("canhgac.simulator.enabled", "false", "canhgac.accounts.demo", "true"))).isTrue();
        assertThat(demo(Map.of("canhgac.accounts.demo", "false"))).as("simulator, demo accounts refused").isFalse();
    }
}
