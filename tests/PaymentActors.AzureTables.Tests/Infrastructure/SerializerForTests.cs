using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace PaymentActors.AzureTables.Tests.Infrastructure;

internal static class SerializerForTests
{
    public static Serializer Create() =>
        new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(SerializerForTests).Assembly))
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();
}
