using System.Text;
using AfterSales.Web.Hosting;

namespace AfterSales.UnitTests.Hosting;

/// <summary>
/// The JSON body check skips the parse when the bytes cannot hold refused text; these bodies each hold one refused
/// character in a form the skip must notice, and the ordinary ones must pass.
/// </summary>
public sealed class InputTextJsonTests
{
    [Theory]
    [InlineData("{\"a\":\"x\\u0000y\"}", "a")]
    [InlineData("{\"a\":\"x\\by\"}", "a")]
    [InlineData("{\"a\":\"x\\fy\"}", "a")]
    [InlineData("{\"a\":[\"ok\",\"x\u007Fy\"]}", "a[1]")]
    [InlineData("{\"a\":{\"b\":\"x\u0085y\"}}", "a.b")]
    [InlineData("{\"a\":\"\\ud800\"}", "a")]
    public void RefusedText_IsFound_WhateverItsSpelling(string json, string path) =>
        Assert.Equal(path, InputText.FirstInvalidJsonText(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"a\":\"王芳 ✓ 👍🏽 \\t\\n\\r \\\" Ā\"}")]
    [InlineData("{\"a\":1,\"b\":[true,null,\"¡Hola!\"]}")]
    [InlineData("{\"a\":\"\u00C2\u00A0 non-breaking\"}")]
    public void OrdinaryText_Passes(string json) => Assert.Null(InputText.FirstInvalidJsonText(Encoding.UTF8.GetBytes(json)));
}
