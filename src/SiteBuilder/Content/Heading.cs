namespace SiteBuilder.Content;

/// <summary>A heading of a page, for the table of contents and fragment checks.</summary>
/// <param name="Level">1–6.</param>
/// <param name="Id">The <c>id</c> attribute (stable slug).</param>
/// <param name="Text">Plain text.</param>
/// <param name="Line">1-based source line.</param>
public sealed record Heading(int Level, string Id, string Text, int Line);
