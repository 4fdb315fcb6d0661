namespace GradRepl.Plotting.Output;

/// <summary>Writes whole files or nothing: a temporary file in the same directory, then a rename over the target.</summary>
internal static class AtomicFile
{
    private static int s_counter;

    public static void Write(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The output path is empty.", nameof(path));
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new IOException($"Cannot write '{path}': {e.Message}", e);
        }

        if (Directory.Exists(full))
        {
            throw new IOException($"Cannot write '{full}': it is a directory.");
        }

        var directory = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Interlocked.Increment(ref s_counter)}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                // no fsync: the rename already hides partial files from readers, and durability across a
                // power cut is not worth a disk flush per figure
                stream.Write(bytes);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            TryDelete(temp);
            throw new IOException($"Cannot write '{full}': {e.Message}", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the directory is unwritable or gone: there is no temporary file to clean up
        }
    }
}
