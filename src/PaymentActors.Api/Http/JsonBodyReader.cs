using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Options;
using PaymentActors.Api.Validation;

namespace PaymentActors.Api.Http;

/// <summary>
/// Reads a JSON object body so that every failure becomes a 400 in the contract's envelope naming the field:
/// syntax is checked first (malformed JSON), then the value is bound (a field of the wrong type). ASP.NET's
/// own body binding answers such requests with an empty 400 instead.
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
            return TooLarge<T>();
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
            return Fail<T>(BodyField, $"The request body is not valid JSON ({Describe(exception)}).");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge<T>();
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail<T>(BodyField, "The request body must be a JSON object.");
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

    private JsonBody<T> TooLarge<T>()
        where T : class => Fail<T>(BodyField, $"The request body must not exceed {_maxBodyBytes} bytes.");

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
