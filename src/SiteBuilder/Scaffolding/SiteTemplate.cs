using System.Text;
using SiteBuilder.EditorSchemas;
using SiteBuilder.Layouts;

namespace SiteBuilder.Scaffolding;

/// <summary>
/// The files of a new site (<c>sitebuilder init</c>): a <c>site.yml</c> that shows every setting with a comment, a home
/// page and one section with a page, <c>.gitignore</c>, a local tool manifest pinning this version of the tool, and
/// GitHub workflows for the pull-request check and for GitHub Pages. It builds clean with <c>build --strict</c> and
/// links nothing outside itself, so its first <c>check-links</c> has nothing to report.
/// </summary>
public static class SiteTemplate
{
    /// <summary>The files, by path relative to the new site's folder, in a stable order.</summary>
    /// <param name="title">The site's title.</param>
    /// <param name="toolVersion">The version of the tool that the workflows install (e.g. <c>0.1.0</c>).</param>
    /// <param name="withTheme">Also copy the built-in theme into <c>layouts/</c>, to customise.</param>
    public static IReadOnlyList<(string Path, byte[] Content)> Files(string title, string toolVersion, bool withTheme)
    {
        var files = new List<(string, byte[])>
        {
            ("site.yml", Utf8(SiteYml(title))),
            ("pages/index.md", Utf8(Home(title))),
            ("pages/guide/index.md", Utf8(GuideIndex)),
            ("pages/guide/writing-pages.md", Utf8(WritingPages)),
            (".gitignore", Utf8("_site/\n.sitebuilder/\n")),
            (".config/dotnet-tools.json", Utf8(ToolManifest.Replace("VERSION", toolVersion, StringComparison.Ordinal))),
            (".github/sitebuilder-problem-matcher.json", Utf8(ProblemMatcher)),
            (".github/workflows/check.yml", Utf8(CheckWorkflow)),
            (".github/workflows/pages.yml", Utf8(PagesWorkflow)),
        };
        if (withTheme)
        {
            var theme = LayoutSet.BuiltIn();
            foreach (var (name, text) in theme.Templates.OrderBy(t => t.Key, StringComparer.Ordinal))
                files.Add(($"layouts/{name}.cshtml", Utf8(text)));
            foreach (var (path, bytes) in theme.Assets.OrderBy(a => a.Key, StringComparer.Ordinal))
                files.Add(($"layouts/{path}", bytes));
        }
        return files;
    }

    /// <summary>A YAML double-quoted string of <paramref name="text"/>.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (char.IsControl(c)) sb.Append($"\\u{(int)c:x4}");
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static string SiteYml(string title) => $$"""
        # yaml-language-server: $schema={{EditorSchemaGenerator.Folder}}/{{EditorSchemaGenerator.SiteFileName}}
        # The settings of this SiteBuilder site. Editors with the YAML language server complete and check them from the
        # schema named above; `sitebuilder schema` writes it again after you change a section's schema.

        # The site's title: in the header and in every page's <title>.
        title: {{Quote(title)}}

        # One line about the site, for the home page's meta description.
        # description: What this wiki is about.

        # A line of plain text at the foot of every page (default: none), e.g. what the site is and whose content it holds.
        # footer: Written by the guide's authors; corrections welcome.

        # The address the site is published at. Without it the site has no sitemap.xml and no canonical links (the build
        # says so in a note); the Pages workflow passes GitHub Pages' address with --base-url, so you can leave it out.
        # base_url: https://OWNER.github.io/REPOSITORY/

        # The repository's web address: each page gets an "Edit this page" link to its file there.
        # repository: https://github.com/OWNER/REPOSITORY
        # The branch those links open (default: main).
        # branch: main

        # The language of the pages (the lang attribute; default: en).
        # language: en

        # Settings of each section: the key is the section's folder under pages/.
        sections:
          guide:
            title: Guide
            # The layout of the section's pages other than index.md (a file of layouts/ without .cshtml).
            # layout: page
            # Structured front matter that every entry page of the section must carry, checked at build time and
            # in editors. For example:
            # schema:
            #   exempt: [about]          # pages of the section that are not entries
            #   fields:
            #     countries:
            #       type: list           # string, list, int, bool or date
            #       required: true
            #       format: iso3166-alpha3
            #       extra_values: [WORLD]
            #     status:
            #       type: string
            #       values: [draft, published]
            #     year:
            #       type: int
            #       min: 1990
            #       max: 2030
            # An entry table on the section's home, with these schema fields as columns:
            # table: [countries, status, year]
            # Generated pages grouping the entries by a field, at /guide/<slug>/:
            # index_by:
            #   - field: countries
            #     slug: by-country
            #     title: Entries by country

        # The search index (docs/search.md): fail the build when all its files together are larger than budget_bytes,
        # or when one query fetches more than query_budget_bytes (gzipped); index_json also writes the classic index.
        # search:
        #   budget_bytes: 50000000
        #   query_budget_bytes: 150000

        # Settings of `sitebuilder check-links` (hosts to skip, rate limits, status codes to accept) go under link_check:.
        # link_check:
        #   exclude: []

        """;

    private static string Home(string title) => $"""
        ---
        title: {Quote(title)}
        description: The home page of this wiki.
        ---
        Welcome. This site was started with `sitebuilder init`: replace this text with your own.

        Start with the [guide](guide/index.md), or read [how to write a page](guide/writing-pages.md).

        """;

    private const string GuideIndex = """
        ---
        title: Guide
        description: How this wiki works.
        ---
        A section is a folder under `pages/`, and its `index.md` is this page: the section's home. The pages of the
        section are listed below.

        """;

    private const string WritingPages = """
        ---
        title: Writing pages
        description: Front matter, links and previews.
        weight: 10
        ---
        Every page is a Markdown file with front matter between `---` lines; `title` is the one key it needs.

        ## Links

        Link another page by its Markdown file, as on GitHub: [the guide](index.md), or by its title with a wiki
        link: [[Guide]]. Every link and `#fragment` is checked when the site builds, like this one to
        [the next heading](#preview).

        ## Preview

        Run `sitebuilder serve` and open the address it prints: each save rebuilds what changed and reloads the page.
        `sitebuilder new guide/my-page --title "My page"` starts a new page in this section.

        """;

    private const string ToolManifest = """
        {
          "version": 1,
          "isRoot": true,
          "tools": {
            "sitebuilder": {
              "version": "VERSION",
              "commands": [
                "sitebuilder"
              ],
              "rollForward": false
            }
          }
        }

        """;

    private const string ProblemMatcher = """
        {
          "problemMatcher": [
            {
              "owner": "sitebuilder",
              "pattern": [
                {
                  "regexp": "^(?:\\u001b\\[\\d+m)?([^:\\s][^:]*):(\\d+):(\\d+): (error|warning) (SB\\d{4}): (.*?)(?:\\u001b\\[0m)?$",
                  "file": 1,
                  "line": 2,
                  "column": 3,
                  "severity": 4,
                  "code": 5,
                  "message": 6
                }
              ]
            }
          ]
        }

        """;

    private const string CheckWorkflow = """
        # Pull requests and main: a strict build and every internal link (`sitebuilder check`, what you run locally),
        # external links of the pages a pull request changes, and the built site as the `site` artifact.
        name: Check

        on:
          pull_request:
          push:
            branches: [main]

        permissions:
          contents: read

        concurrency:
          group: check-${{ github.ref }}
          cancel-in-progress: true

        env:
          DOTNET_NOLOGO: "1"
          DOTNET_CLI_TELEMETRY_OPTOUT: "1"

        jobs:
          check:
            runs-on: ubuntu-latest
            timeout-minutes: 20
            steps:
              - uses: actions/checkout@v4
                with:
                  # Full history: last-updated dates come from git, and --changed-since needs the base commit.
                  fetch-depth: 0

              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: 10.0.x

              - name: Install sitebuilder (the version in .config/dotnet-tools.json)
                run: dotnet tool restore

              - name: Strict build and link check
                env:
                  BASE_REF: ${{ github.base_ref }}
                  EVENT: ${{ github.event_name }}
                run: |
                  echo "::add-matcher::.github/sitebuilder-problem-matcher.json"
                  if [ "$EVENT" = pull_request ]; then since="origin/$BASE_REF"; else since="HEAD^"; fi
                  dotnet tool run sitebuilder check --changed-since "$since"

              - name: Upload the built site
                if: ${{ !cancelled() && hashFiles('_site/index.html') != '' }}
                uses: actions/upload-artifact@v4
                with:
                  name: site
                  path: _site
                  retention-days: 14

        """;

    private const string PagesWorkflow = """
        # main: build the site and publish it with GitHub Pages (Settings → Pages → Source: GitHub Actions).
        name: Pages

        on:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read

        # One deployment at a time; a newer push waits rather than cancelling one in progress.
        concurrency:
          group: pages
          cancel-in-progress: false

        env:
          DOTNET_NOLOGO: "1"
          DOTNET_CLI_TELEMETRY_OPTOUT: "1"

        jobs:
          build:
            runs-on: ubuntu-latest
            timeout-minutes: 20
            steps:
              - uses: actions/checkout@v4
                with:
                  # Full history: each page's last-updated date comes from git.
                  fetch-depth: 0

              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: 10.0.x

              - name: Install sitebuilder (the version in .config/dotnet-tools.json)
                run: dotnet tool restore

              - id: pages
                uses: actions/configure-pages@v5

              - name: Build the site
                env:
                  # The address GitHub Pages serves the site at: it gives the sitemap and canonical links.
                  BASE_URL: ${{ steps.pages.outputs.base_url }}
                run: |
                  echo "::add-matcher::.github/sitebuilder-problem-matcher.json"
                  dotnet tool run sitebuilder build --strict --base-url "$BASE_URL" --output _site

              - uses: actions/upload-pages-artifact@v3
                with:
                  path: _site

          deploy:
            needs: build
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """;
}
