using System.Text;

namespace AfterSales.IntegrationTests.Crash;

/// <summary>
/// Every breach of the contract the crash test finds, by kind. The test goes on after a breach, so that one run
/// shows all that a crash did (a lingering claim in one round, the duplicate it causes in a later one), and fails
/// at the end with the lot.
/// </summary>
public sealed class Violations
{
    private const int DetailsShown = 40;
    private readonly List<(string Kind, string Detail)> _all = [];

    public int Count
    {
        get
        {
            lock (_all) return _all.Count;
        }
    }

    public void Add(string kind, string detail)
    {
        lock (_all) _all.Add((kind, detail));
    }

    public string Report(string header)
    {
        lock (_all)
        {
            var text = new StringBuilder(header).AppendLine();
            foreach (var kind in _all.GroupBy(v => v.Kind).OrderByDescending(g => g.Count()))
                text.AppendLine($"  {kind.Count()}× {kind.Key}");
            text.AppendLine($"first {Math.Min(DetailsShown, _all.Count)} of {_all.Count}:");
            foreach (var (_, detail) in _all.Take(DetailsShown)) text.AppendLine("- " + detail);
            return text.ToString();
        }
    }
}
