package io.stackbench.scenario.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A structural JSON Schema checker for the draft-07 keywords that scenario.schema.json uses:
 * type, required, properties, additionalProperties (false only), enum, const, pattern, items,
 * minItems, minimum, maximum, exclusiveMaximum, anyOf, oneOf and local {@code $ref}s of the form
 * {@code #/definitions/NAME}. It rejects a schema that uses any other validation keyword, so a
 * schema change cannot slip past the test unchecked.
 */
public final class SchemaChecker {

    /** Keywords that only annotate and never make an instance invalid. */
    private static final List<String> ANNOTATIONS = List.of("$schema", "title", "description", "default", "definitions");
    private static final List<String> CHECKED = List.of("type", "required", "properties", "additionalProperties", "enum", "const",
            "pattern", "items", "minItems", "minimum", "maximum", "exclusiveMaximum", "anyOf", "oneOf", "$ref");

    private final JsonNode root;

    public SchemaChecker(JsonNode root) {
        this.root = root;
    }

    /** Returns one line per violation as "JSON pointer: message", or an empty list when {@code instance} is valid. */
    public List<String> check(JsonNode instance) {
        List<String> errors = new ArrayList<>();
        check(root, instance, "", errors);
        return errors;
    }

    /** Checks {@code instance} against one subschema, such as an anyOf branch. */
    List<String> check(JsonNode schema, JsonNode instance) {
        List<String> errors = new ArrayList<>();
        check(schema, instance, "", errors);
        return errors;
    }

    /** Returns the schema a {@code #/definitions/NAME} reference points at. */
    JsonNode resolve(String reference) {
        if (!reference.startsWith("#/definitions/")) {
            throw new IllegalArgumentException("unsupported $ref \"" + reference + "\", expected #/definitions/NAME");
        }
        JsonNode target = root.path("definitions").path(reference.substring("#/definitions/".length()));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("$ref \"" + reference + "\" names no definition");
        }
        return target;
    }

    private void check(JsonNode schema, JsonNode instance, String pointer, List<String> errors) {
        for (Iterator<String> keywords = schema.fieldNames(); keywords.hasNext(); ) {
            String keyword = keywords.next();
            if (!ANNOTATIONS.contains(keyword) && !CHECKED.contains(keyword)) {
                throw new IllegalArgumentException("schema keyword \"" + keyword + "\" at " + pointer + " is not supported by this checker");
            }
        }

        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asText()), instance, pointer, errors);
        }
        if (schema.has("type") && !hasType(instance, schema.get("type").asText())) {
            errors.add(pointer + ": expected " + schema.get("type").asText() + ", got " + instance);
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(instance)) {
            errors.add(pointer + ": expected " + schema.get("const") + ", got " + instance);
        }
        if (schema.has("enum") && !contains(schema.get("enum"), instance)) {
            errors.add(pointer + ": " + instance + " is not one of " + schema.get("enum"));
        }
        if (schema.has("pattern") && instance.isTextual()
                && !Pattern.compile(schema.get("pattern").asText()).matcher(instance.asText()).find()) {
            errors.add(pointer + ": " + instance + " does not match " + schema.get("pattern").asText());
        }
        checkNumber(schema, instance, pointer, errors);
        checkArray(schema, instance, pointer, errors);
        checkObject(schema, instance, pointer, errors);
        if (schema.has("anyOf")) {
            checkAnyOf(schema.get("anyOf"), instance, pointer, errors);
        }
        if (schema.has("oneOf")) {
            checkOneOf(schema.get("oneOf"), instance, pointer, errors);
        }
    }

    private static boolean hasType(JsonNode instance, String type) {
        return switch (type) {
            case "object" -> instance.isObject();
            case "array" -> instance.isArray();
            case "string" -> instance.isTextual();
            case "boolean" -> instance.isBoolean();
            // The loader rejects 1.0 where it expects an integer, so this checker does too.
            case "integer" -> instance.isIntegralNumber();
            case "number" -> instance.isNumber();
            default -> throw new IllegalArgumentException("unsupported type \"" + type + "\"");
        };
    }

    private static boolean contains(JsonNode values, JsonNode instance) {
        for (JsonNode value : values) {
            if (value.equals(instance)) {
                return true;
            }
        }
        return false;
    }

    private static void checkNumber(JsonNode schema, JsonNode instance, String pointer, List<String> errors) {
        if (!instance.isNumber()) {
            return;
        }
        if (schema.has("minimum") && instance.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            errors.add(pointer + ": " + instance + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && instance.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            errors.add(pointer + ": " + instance + " is above the maximum " + schema.get("maximum"));
        }
        if (schema.has("exclusiveMaximum") && instance.decimalValue().compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
            errors.add(pointer + ": " + instance + " is not below " + schema.get("exclusiveMaximum"));
        }
    }

    private void checkArray(JsonNode schema, JsonNode instance, String pointer, List<String> errors) {
        if (!instance.isArray()) {
            return;
        }
        if (schema.has("minItems") && instance.size() < schema.get("minItems").asInt()) {
            errors.add(pointer + ": expected at least " + schema.get("minItems").asInt() + " item(s), got " + instance.size());
        }
        if (schema.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                check(schema.get("items"), instance.get(i), pointer + "/" + i, errors);
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode instance, String pointer, List<String> errors) {
        if (!instance.isObject()) {
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!instance.has(required.asText())) {
                errors.add(pointer + ": missing required field \"" + required.asText() + "\"");
            }
        }
        JsonNode properties = schema.path("properties");
        if (schema.has("additionalProperties") && schema.get("additionalProperties").asBoolean(true)) {
            throw new IllegalArgumentException("additionalProperties other than false at " + pointer + " is not supported by this checker");
        }
        boolean closed = schema.has("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = instance.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPointer = pointer + "/" + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), fieldPointer, errors);
            } else if (closed) {
                errors.add(fieldPointer + ": unknown field \"" + field.getKey() + "\"");
            }
        }
    }

    private void checkAnyOf(JsonNode branches, JsonNode instance, String pointer, List<String> errors) {
        List<String> firstBranchErrors = null;
        for (JsonNode branch : branches) {
            List<String> branchErrors = new ArrayList<>();
            check(branch, instance, pointer, branchErrors);
            if (branchErrors.isEmpty()) {
                return;
            }
            if (firstBranchErrors == null) {
                firstBranchErrors = branchErrors;
            }
        }
        errors.add(pointer + ": matches none of the anyOf branches, and the first fails with " + firstBranchErrors);
    }

    /**
     * Requires exactly one matching branch. When none matches, the errors reported are those of the
     * branch whose discriminator const ("kind", "do" or "type") equals the instance's value, because
     * that is the branch the author meant.
     */
    private void checkOneOf(JsonNode branches, JsonNode instance, String pointer, List<String> errors) {
        int matches = 0;
        List<String> discriminated = null;
        for (JsonNode branch : branches) {
            List<String> branchErrors = new ArrayList<>();
            check(branch, instance, pointer, branchErrors);
            if (branchErrors.isEmpty()) {
                matches++;
            } else if (selects(branch, instance)) {
                discriminated = branchErrors;
            }
        }
        if (matches == 1) {
            return;
        }
        if (matches > 1) {
            errors.add(pointer + ": matches " + matches + " oneOf branches, expected exactly one");
        } else if (discriminated != null) {
            errors.addAll(discriminated);
        } else {
            errors.add(pointer + ": matches none of the oneOf branches");
        }
    }

    /** Returns true when a branch has a property const that the instance has too. */
    private boolean selects(JsonNode branch, JsonNode instance) {
        JsonNode resolved = branch.has("$ref") ? resolve(branch.get("$ref").asText()) : branch;
        for (Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode constant = property.getValue().get("const");
            if (constant != null && constant.equals(instance.get(property.getKey()))) {
                return true;
            }
        }
        return false;
    }
}
