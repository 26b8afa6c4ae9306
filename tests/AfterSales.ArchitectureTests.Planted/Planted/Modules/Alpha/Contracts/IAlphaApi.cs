namespace Planted.Modules.Alpha.Contracts;

/// <summary>Alpha's front door: Beta may use it (rule 2 allows it), but it closes the cycle Alpha -> Beta -> Alpha.</summary>
public interface IAlphaApi
{
    Task<int> CountAsync();
}
