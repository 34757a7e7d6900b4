package dev.aiaas.serving.protocol;

import com.google.protobuf.ByteString;
import dev.aiaas.errors.DomainException;
import dev.aiaas.proto.inference.InferParameter;
import dev.aiaas.proto.inference.ModelInferRequest;
import dev.aiaas.proto.inference.ModelInferRequest.InferInputTensor;
import dev.aiaas.serving.model.InferenceInput;
import dev.aiaas.serving.model.ModelSignature;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a recommender's request: one input {@value ModelSignature#USER_ID}, BYTES [batch] (or
 * [batch, 1]) of UTF-8 user ids, or INT64 ids read as their decimal text; and two request
 * parameters (OIP {@code parameters}, gRPC and REST alike): {@value #K}, an integer from 1 to
 * {@value InferenceInput.Users#MAX_K} (default {@value InferenceInput.Users#DEFAULT_K}), and
 * {@value #EXCLUDE_SEEN}, a boolean (default true: leave out the items each user had in
 * training). The answer, rows × k items, must fit the request's element limit as its input does.
 */
final class RecommenderRequests {

    static final String K = "k";
    static final String EXCLUDE_SEEN = "exclude_seen";

    private RecommenderRequests() {
    }

    static InferenceInput.Users decode(ModelInferRequest request, TensorShape shape, ModelSignature signature,
            RequestLimits limits) {
        List<InferInputTensor> inputs = request.getInputsList();
        InferInputTensor input = inputs.get(0);
        if (inputs.size() != 1 || !ModelSignature.USER_ID.equals(input.getName())) {
            throw DomainException.invalid("a recommender takes one input, " + signature.describeInputs()
                    + "; the request sent " + inputs.stream().map(InferInputTensor::getName).toList());
        }
        if (shape.rowWidth() != 1) {
            throw DomainException.invalid("input '" + ModelSignature.USER_ID + "' has shape " + shape
                    + "; it takes one user id per row: [batch] or [batch, 1]");
        }
        ByteString raw = request.getRawInputContentsCount() > 0 ? request.getRawInputContents(0) : null;
        List<String> ids = switch (input.getDatatype()) {
            case "BYTES" -> Arrays.stream(RawColumns.text(input, shape, raw, limits)).map(String.class::cast).toList();
            case "INT64" -> numbers(input, shape, raw);
            default -> throw DomainException.invalid("input '" + ModelSignature.USER_ID + "' has datatype "
                    + input.getDatatype() + "; user ids are BYTES (UTF-8 text) or INT64");
        };
        for (int row = 0; row < ids.size(); row++) {
            if (ids.get(row).isEmpty()) {
                throw DomainException.invalid("user id of row " + row + " is empty: send the id of a user the "
                        + "model was trained on");
            }
        }
        int k = k(request);
        if ((long) ids.size() * k > limits.maxElements()) {
            throw DomainException.invalid(ids.size() + " users × k " + k + " items is more than the "
                    + limits.maxElements() + " values one answer may hold: ask for fewer items or split the request");
        }
        return new InferenceInput.Users(ids, k, excludeSeen(request));
    }

    private static List<String> numbers(InferInputTensor input, TensorShape shape, ByteString raw) {
        List<String> ids = new ArrayList<>(shape.elements());
        if (raw == null) {
            shape.requireElements(input.getName(), input.getContents().getInt64ContentsCount());
            input.getContents().getInt64ContentsList().forEach(id -> ids.add(Long.toString(id)));
            return ids;
        }
        if ((long) shape.elements() * Long.BYTES != raw.size()) {
            throw DomainException.invalid("raw contents of input '" + input.getName() + "' are " + raw.size()
                    + " bytes; " + shape.elements() + " INT64 values are " + (long) shape.elements() * Long.BYTES
                    + " bytes");
        }
        ByteBuffer buffer = raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < shape.elements(); i++) {
            ids.add(Long.toString(buffer.getLong()));
        }
        return ids;
    }

    private static int k(ModelInferRequest request) {
        InferParameter parameter = request.getParametersOrDefault(K, null);
        if (parameter == null) {
            return InferenceInput.Users.DEFAULT_K;
        }
        long k = switch (parameter.getParameterChoiceCase()) {
            case INT64_PARAM -> parameter.getInt64Param();
            case UINT64_PARAM -> parameter.getUint64Param(); // beyond Long.MAX_VALUE reads negative: refused below
            default -> -1;
        };
        if (k < 1 || k > InferenceInput.Users.MAX_K) {
            throw DomainException.invalid("parameters." + K + " must be an integer from 1 to "
                    + InferenceInput.Users.MAX_K + " (items per user), was " + describe(parameter));
        }
        return (int) k;
    }

    private static boolean excludeSeen(ModelInferRequest request) {
        InferParameter parameter = request.getParametersOrDefault(EXCLUDE_SEEN, null);
        if (parameter == null) {
            return true;
        }
        if (parameter.getParameterChoiceCase() != InferParameter.ParameterChoiceCase.BOOL_PARAM) {
            throw DomainException.invalid("parameters." + EXCLUDE_SEEN + " must be a boolean (true leaves out the "
                    + "items each user had in training), was " + describe(parameter));
        }
        return parameter.getBoolParam();
    }

    private static String describe(InferParameter parameter) {
        return switch (parameter.getParameterChoiceCase()) {
            case BOOL_PARAM -> Boolean.toString(parameter.getBoolParam());
            case INT64_PARAM -> Long.toString(parameter.getInt64Param());
            case UINT64_PARAM -> Long.toUnsignedString(parameter.getUint64Param());
            case DOUBLE_PARAM -> Double.toString(parameter.getDoubleParam());
            case STRING_PARAM -> "a string";
            default -> "empty";
        };
    }
}
