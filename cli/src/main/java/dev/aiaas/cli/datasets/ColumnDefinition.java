package dev.aiaas.cli.datasets;

import dev.aiaas.proto.common.v1.Column;
import dev.aiaas.proto.common.v1.ColumnType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --column NAME:TYPE[:nullable]}: one column of a declared schema. TYPE is one of the
 * schema's column types (double, int64, string, bool) or {@code image_u8(HxW)} with the image's
 * shape, e.g. {@code pixels:image_u8(28x28)}.
 */
public final class ColumnDefinition implements ITypeConverter<Column> {

    private static final Pattern IMAGE = Pattern.compile("image_u8\\((\\d+(?:x\\d+)*)\\)");

    @Override
    public Column convert(String text) {
        String rest = text.strip();
        boolean nullable = false;
        if (rest.toLowerCase(Locale.ROOT).endsWith(":nullable")) {
            nullable = true;
            rest = rest.substring(0, rest.length() - ":nullable".length());
        }
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new TypeConversionException("'" + text + "' is not NAME:TYPE[:nullable] "
                    + "(e.g. body_mass_g:double:nullable)");
        }
        Column.Builder column = Column.newBuilder().setName(rest.substring(0, colon)).setNullable(nullable);
        String type = rest.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        Matcher image = IMAGE.matcher(type);
        if (image.matches()) {
            column.setType(ColumnType.IMAGE_U8);
            for (String dim : image.group(1).split("x")) {
                column.addShape(Integer.parseInt(dim));
            }
            return column.build();
        }
        return column.setType(scalar(type, text)).build();
    }

    private static ColumnType scalar(String type, String text) {
        return switch (type) {
            case "double" -> ColumnType.DOUBLE;
            case "int64" -> ColumnType.INT64;
            case "string" -> ColumnType.STRING;
            case "bool" -> ColumnType.BOOL;
            default -> throw new TypeConversionException("'" + text + "': the type is double, int64, string, bool "
                    + "or image_u8(HxW)");
        };
    }
}
