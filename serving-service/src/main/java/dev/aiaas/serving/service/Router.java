package dev.aiaas.serving.service;

import dev.aiaas.serving.model.Role;
import dev.aiaas.serving.model.TrafficSplit;
import java.nio.charset.StandardCharsets;

/**
 * Picks the version that answers a request, and whether the shadow gets a copy, from the
 * request's routing key alone, so a key always lands in the same place while the split stays:
 * the key hashed into one of 100 buckets, below the challenger's weight the challenger answers;
 * a second, independent hash of the key below the shadow's share copies it to the shadow. The
 * hash is FNV-1a over the key's UTF-8 bytes, mixed by MurmurHash3's finaliser, fixed here so
 * every replica and every restart routes a key alike.
 */
final class Router {

    /** Which role answers, and whether the shadow also gets the request. */
    record Route(Role answering, boolean mirrored) {

        /** The champion answers and nothing is copied: a call with no routing key (metadata, readiness). */
        static final Route CHAMPION_ONLY = new Route(Role.CHAMPION, false);
    }

    private static final long ANSWER_SALT = 0x9E3779B97F4A7C15L;
    private static final long SHADOW_SALT = 0xC2B2AE3D27D4EB4FL;

    private Router() {
    }

    static Route route(TrafficSplit split, String key) {
        Role answering = bucket(key, ANSWER_SALT) < split.challengerWeight() ? Role.CHALLENGER : Role.CHAMPION;
        return new Route(answering, bucket(key, SHADOW_SALT) < split.shadowShare());
    }

    /** The key's bucket in [0, 100) under {@code salt}; two salts give independent buckets. */
    static int bucket(String key, long salt) {
        long hash = 0xCBF29CE484222325L ^ salt;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 33;
        hash *= 0xC4CEB9FE1A85EC53L;
        hash ^= hash >>> 33;
        return (int) Long.remainderUnsigned(hash, 100);
    }
}
