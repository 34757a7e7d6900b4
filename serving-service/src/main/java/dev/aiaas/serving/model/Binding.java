package dev.aiaas.serving.model;

/**
 * What an endpoint serves: a model and either an alias (follows its moves) or a fixed
 * version.
 */
public record Binding(String modelName, String alias, long version) {

    public boolean followsAlias() {
        return alias != null && !alias.isEmpty();
    }

    @Override
    public String toString() {
        return modelName + (followsAlias() ? "@" + alias : " v" + version);
    }
}
