namespace Clean.SharedKernel;

/// <summary>The shared kernel depends on no module.</summary>
public sealed record Money(decimal Amount, string Currency);
