using PaymentActors.AzureTables.Tables;

namespace PaymentActors.AzureTables.Tests.GrainStorage;

public sealed class TableKeyEncoderTests
{
    [Theory]
    [InlineData("plain-id_1", "plain-id_1")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a%2Fb", "a%252Fb")]
    [InlineData("x#y?z\\w|v", "x%23y%3Fz%5Cw%7Cv")]
    [InlineData("tab\t", "tab%09")]
    [InlineData("ü😀", "ü😀")]
    public void Escapes_only_what_table_keys_forbid_and_its_own_markers(string raw, string escaped)
    {
        Assert.Equal(escaped, TableKeyEncoder.Escape(raw));
        Assert.Equal(raw, TableKeyEncoder.Unescape(escaped));
    }

    [Fact]
    public void Random_strings_round_trip_and_never_contain_forbidden_characters_or_the_separator()
    {
        var random = new Random(1234);
        char[] alphabet = ['a', 'Z', '0', '/', '\\', '#', '?', '%', '|', 'u', '\u0000', '\u001f', '\u007f', '\u0085', 'ü', '\ud83d', '\ude00', '~', ' '];
        var seen = new Dictionary<string, string>();
        for (var i = 0; i < 20_000; i++)
        {
            var raw = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var escaped = TableKeyEncoder.Escape(raw);

            Assert.Equal(raw, TableKeyEncoder.Unescape(escaped));
            Assert.DoesNotContain(escaped, c => c is '/' or '\\' or '#' or '?' or TableKeyEncoder.Separator || char.IsControl(c));
            for (var j = 0; j < escaped.Length; j++)
            {
                Assert.False(char.IsSurrogate(escaped[j]) && !(char.IsHighSurrogate(escaped[j]) && j + 1 < escaped.Length && char.IsLowSurrogate(escaped[j + 1]))
                             && !(char.IsLowSurrogate(escaped[j]) && j > 0 && char.IsHighSurrogate(escaped[j - 1])), $"lone surrogate in '{escaped}'");
            }

            if (seen.TryGetValue(escaped, out var other))
            {
                Assert.Equal(other, raw);
            }

            seen[escaped] = raw;
        }
    }
}
