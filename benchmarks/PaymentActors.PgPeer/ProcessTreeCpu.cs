using System.Globalization;

namespace PaymentActors.PgPeer;

/// <summary>
/// CPU seconds of a PostgreSQL server: its postmaster and every live child (backends, WAL writer, checkpointer, …)
/// from /proc/PID/stat, plus the postmaster's cutime/cstime, which holds the children that already exited.
/// </summary>
internal static class ProcessTreeCpu
{
    private static readonly double TicksPerSecond = 100.0;

    public static double? Seconds(int? rootPid)
    {
        if (rootPid is not { } root || !File.Exists($"/proc/{root}/stat"))
        {
            return null;
        }

        var total = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var fields = ReadStat(pid);
            if (fields is null)
            {
                continue;
            }

            // After the ')' of the command: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime.
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == root)
            {
                total += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                    + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            }
            else if (parent == root)
            {
                total += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }

        return total / TicksPerSecond;
    }

    private static string[]? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
