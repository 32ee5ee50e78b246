namespace PaymentActors.Testing.Azurite;

/// <summary>The folder holding PaymentActors.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PaymentActors.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PaymentActors.sln above {AppContext.BaseDirectory}.");
    }
}
