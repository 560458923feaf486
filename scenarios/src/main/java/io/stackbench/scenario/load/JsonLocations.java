package io.stackbench.scenario.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every value in a JSON text, by JSON Pointer. Jackson's tree model drops
 * locations, so a second streaming pass records them for error messages.
 */
final class JsonLocations {

    private final Map<String, JsonLocation> byPointer = new HashMap<>();

    private JsonLocations() {
    }

    static JsonLocations index(JsonFactory factory, String text) throws IOException {
        JsonLocations locations = new JsonLocations();
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.FIELD_NAME) {
                    locations.byPointer.putIfAbsent(pointer, parser.currentTokenLocation());
                } else if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        // A container's own pointer is its parent's context; record where it opens.
                        locations.byPointer.put(pointer, parser.currentTokenLocation());
                    } else {
                        locations.byPointer.put(pointer, parser.currentTokenLocation());
                    }
                }
            }
        }
        return locations;
    }

    /** Returns the location of {@code pointer}, or of its nearest located ancestor. */
    JsonLocation find(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation location = byPointer.get(p);
            if (location != null) {
                return location;
            }
            if (p.isEmpty()) {
                return JsonLocation.NA;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }
}
