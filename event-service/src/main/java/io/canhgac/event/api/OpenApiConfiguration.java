package io.canhgac.event.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (JSON) and {@code /v3/api-docs.yaml}, made by
 * springdoc from the controllers. Readable by anyone signed in, like the API it describes (see
 * SecurityConfiguration): it is no secret (the code is open), but a map of the routes need not be
 * handed to every passer-by. No Swagger UI is served: it would need the page's CSP loosened.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SESSION = "session";
    static final String GATEWAY_TOKEN = "gatewayToken";

    @Bean
    OpenAPI canhgacOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Canh Gác event-service API").version("v1")
                        .description("Cameras, events and the alert desk of a district camera network, scoped by commune; "
                                + "batched, idempotent event ingest for gateways. People sign in through the login form "
                                + "(POST /login) and send the XSRF-TOKEN cookie back as the X-XSRF-TOKEN header on changes.")
                        .license(new License().name("See the project's licence")))
                .components(new Components()
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID").description("The session of a signed-in person"))
                        .addSecuritySchemes(GATEWAY_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The gateways' token (canhgac.ingest.token)")));
    }

    /** Ingest takes the gateway token, everything else the session: said per route, as the filter chains decide. */
    @Bean
    OpenApiCustomizer securityPerRoute() {
        return api -> api.getPaths().forEach((path, item) -> {
            String scheme = path.startsWith("/api/ingest/") ? GATEWAY_TOKEN : SESSION;
            item.readOperations().forEach(op -> op.addSecurityItem(new SecurityRequirement().addList(scheme)));
        });
    }
}
