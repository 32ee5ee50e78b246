using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Options;
using PaymentActors.Api.Validation;

namespace PaymentActors.Api.Http;

/// <summary>
/// Reads a JSON object body so that every failure becomes an error in the contract's envelope naming the field:
/// syntax is checked first (malformed JSON), then the text (every property name and string must be valid UTF-8 with
/// no lone surrogate, and no object may name a property twice, ignoring case), then the value is bound with
/// case-sensitive names (a field of the wrong type). ASP.NET's own body binding answers such requests with an
/// empty 400, and a string that is not valid text would otherwise fail later, as a 500, wherever it is first read.
/// </summary>
public sealed class JsonBodyReader(IOptions<JsonOptions> jsonOptions, IOptions<ApiOptions> apiOptions)
{
    public const string BodyField = "body";

    private readonly JsonSerializerOptions _serializerOptions = jsonOptions.Value.SerializerOptions;
    private readonly int _maxBodyBytes = apiOptions.Value.MaxRequestBodyBytes;

    public async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = _maxBodyBytes;
        }

        if (request.ContentLength > _maxBodyBytes)
        {
            return TooLarge<T>(request);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(
                request.Body,
                new JsonDocumentOptions { MaxDepth = InputLimits.MaxJsonDepth },
                cancellationToken);
        }
        catch (JsonException exception)
        {
            // The parser stops at the first error; the rest of the body is read here so that the connection can
            // serve the client's next request (or is closed, with the answer saying so, if the rest is too large).
            return await DrainAsync(request, cancellationToken)
                ? Fail<T>(BodyField, $"The request body is not valid JSON ({Describe(exception)}).")
                : TooLarge<T>(request);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge<T>(request);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail<T>(BodyField, "The request body must be a JSON object.");
            }

            var fields = _serializerOptions.GetTypeInfo(typeof(T)).Properties.Select(p => p.Name).ToList();
            if (JsonTextRules.Check(document.RootElement, fields) is { } textError)
            {
                return new JsonBody<T>(null, textError);
            }

            try
            {
                var value = document.RootElement.Deserialize<T>(_serializerOptions);
                return value is null
                    ? Fail<T>(BodyField, "The request body must be a JSON object.")
                    : new JsonBody<T>(value, null);
            }
            catch (JsonException exception)
            {
                var field = FieldOf(exception.Path);
                return Fail<T>(field, $"'{field}' has the wrong type.");
            }
        }
    }

    /// <summary>
    /// 413, and the connection closes after the answer: the unread rest of the body is not drained, and without
    /// <c>Connection: close</c> a client would send its next request on a connection about to be dropped.
    /// </summary>
    private JsonBody<T> TooLarge<T>(HttpRequest request)
        where T : class
    {
        request.HttpContext.Response.Headers.Connection = "close";
        return new(
            null,
            new ApiError(ErrorCodes.PayloadTooLarge, $"The request body must not exceed {_maxBodyBytes} bytes.", BodyField),
            StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>Reads what is left of the body; false when it exceeds the limit.</summary>
    private static async Task<bool> DrainAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await request.Body.CopyToAsync(Stream.Null, cancellationToken);
            return true;
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
    }

    private static JsonBody<T> Fail<T>(string field, string message)
        where T : class => new(null, InputValidation.Invalid(field, message));

    /// <summary>"$.user_id" → "user_id"; the body itself when the path names no property.</summary>
    private static string FieldOf(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return BodyField;
        }

        var name = path[2..];
        var end = name.IndexOfAny(['.', '[']);
        return end > 0 ? name[..end] : name;
    }

    private static string Describe(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $"line {line + 1}, position {position + 1}"
            : "unexpected end of input";
}
