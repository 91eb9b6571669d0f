package app.confidant.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    @Path("parties/")
    static class Parties {
        @Path("{id}")
        public void one() {
        }

        public void all() {
        }
    }

    @Test
    void theTemplateKeepsThePlaceholdersNotTheValues() throws Exception {
        assertEquals("/parties/{id}", RouteTemplates.path(Parties.class)
                + RouteTemplates.path(Parties.class.getMethod("one")));
        assertEquals("/parties", RouteTemplates.path(Parties.class)
                + RouteTemplates.path(Parties.class.getMethod("all")));
    }
}
