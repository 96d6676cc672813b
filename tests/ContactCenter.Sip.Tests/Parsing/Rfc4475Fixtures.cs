namespace ContactCenter.Sip.Tests.Parsing;

/// <summary>The 49 RFC 4475 torture messages, byte-exact, as copied next to the test assembly from tests/fixtures/sip/rfc4475.</summary>
internal static class Rfc4475Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "sip", "rfc4475");

    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(Directory, name + ".dat"));

    public static IEnumerable<string> Names =>
        System.IO.Directory.GetFiles(Directory, "*.dat").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    /// <summary>The messages RFC 4475 §3.1.1 calls valid, plus the §3.3 ones that are syntactically valid.</summary>
    public static readonly string[] WellFormed =
    [
        // §3.1.1
        "wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri", "transports", "mpart01",
        "unreason", "noreason",
        // §3.2 and §3.3, parsed Ok and then judged by the core or the application
        "badbranch", "unkscm", "novelsc", "unksm2", "bext01", "invut", "regaut01", "bcast", "zeromf", "cparam01", "cparam02",
        "regescrt", "sdp01", "inv2543",
        // §3.1.2 messages the RFC lets an element accept (liberal reading) or leaves to a later layer
        "escruri", "baddate", "regbadct", "badaspec",
    ];
}
