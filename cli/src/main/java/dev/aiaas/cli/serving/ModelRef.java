package dev.aiaas.cli.serving;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code NAME@ALIAS} (follows the alias as it moves) or {@code NAME:VERSION} (one fixed
 * version): what an endpoint serves.
 *
 * @param alias   empty for a fixed version
 * @param version 0 for an alias
 */
public record ModelRef(String model, String alias, long version) {

    /** For {@code --model}. */
    public static final class Converter implements ITypeConverter<ModelRef> {
        @Override
        public ModelRef convert(String text) {
            String value = text.strip();
            int at = value.lastIndexOf('@');
            if (at > 0 && at < value.length() - 1) {
                return new ModelRef(value.substring(0, at), value.substring(at + 1), 0);
            }
            int colon = value.lastIndexOf(':');
            if (colon > 0 && colon < value.length() - 1) {
                try {
                    long version = Long.parseLong(value.substring(colon + 1));
                    if (version > 0) {
                        return new ModelRef(value.substring(0, colon), "", version);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new TypeConversionException("'" + text + "' is neither NAME@ALIAS (e.g. penguins@champion) nor "
                    + "NAME:VERSION (e.g. penguins:3)");
        }
    }

    @Override
    public String toString() {
        return alias.isEmpty() ? model + ":" + version : model + "@" + alias;
    }
}
