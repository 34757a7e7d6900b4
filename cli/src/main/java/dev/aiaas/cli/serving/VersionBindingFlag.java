package dev.aiaas.cli.serving;

import dev.aiaas.proto.serving.v1.VersionBinding;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --challenger} and {@code --shadow}: a further version of the deployment's own model, as
 * a number (one fixed version) or an alias (followed as it moves), as {@link ModelRef} reads the
 * champion's {@code NAME:VERSION} and {@code NAME@ALIAS}.
 */
final class VersionBindingFlag implements ITypeConverter<VersionBinding> {

    @Override
    public VersionBinding convert(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new TypeConversionException("name an alias (e.g. challenger) or a version (e.g. 4) of the model");
        }
        if (value.matches("-?\\d+")) {
            long version;
            try {
                version = Long.parseLong(value);
            } catch (NumberFormatException e) {
                version = 0;
            }
            if (version < 1) {
                throw new TypeConversionException("'" + text + "' is not a version: versions count from 1");
            }
            return VersionBinding.newBuilder().setVersion(version).build();
        }
        if (value.contains("@") || value.contains(":")) {
            throw new TypeConversionException("'" + text + "': give only the alias (e.g. challenger) or the version "
                    + "(e.g. 4): it is a version of --model's model");
        }
        return VersionBinding.newBuilder().setAlias(value).build();
    }
}
