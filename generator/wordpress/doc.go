// Package wordpress moves an existing kelurahan website from WordPress
// into a kimsite site folder: kimsite import wordpress FILE.xml --site ID
// [--uploads DIR].
//
// It takes a WordPress export (WXR 1.1 or 1.2, as Tools → Export → All
// content writes it), read item by item, an optional copy of the old
// site's wp-content/uploads folder, and the site folder content/<id> as it
// is now, all as values and fs.FS; it gives the files to write and to copy
// and a Report. Nothing is written here: cmd/kimsite writes the result.
// The user guide is README.md beside this file.
//
// What becomes what:
//
//   - posts become berita (berita/<slug>.md), pages become plain pages
//     (<slug>.md). A page with photos or files becomes a bundle,
//     <slug>/index.md with its files beside it. Categories and tags become
//     tags (WordPress's default "Uncategorized" is dropped); the author's
//     display name becomes author; the excerpt becomes summary; the date is
//     post_date_gmt, or for a draft post_date in the site's time zone
//     (found from the other items; WIB when nothing shows it), written in
//     WIB. Slugs are kept, percent-decoded and made clean by package slug.
//     Child pages become top-level pages; their old address redirects.
//   - drafts and pending posts are written with draft: true. Future
//     (scheduled) posts keep their date. Private, password-protected and
//     trashed posts, auto-drafts, revisions, menu items and other
//     WordPress data are left out and listed with the reason. Pages
//     without content (WordPress's "posts page") are left out too.
//     Readers' comments, menus, widgets and the theme do not move: a
//     static site has none of them.
//   - the body: block-editor comments and <!--more--> are removed; the
//     classic editor's line breaks become paragraphs as WordPress shows
//     them (autop.go); [caption], [gallery], [embed], [youtube],
//     [instagram], [video] and [audio] shortcodes, YouTube and Instagram
//     players in iframes, and links alone on their line become what the
//     markdown stage embeds (a link alone in a paragraph); then the HTML
//     becomes Markdown with github.com/JohannesKaufmann/html-to-markdown/v2
//     (GFM tables; a table cell's paragraphs are joined on one line). A
//     line break inside a paragraph is written as a backslash at the end
//     of the line. Unknown shortcodes stay as text and are reported.
//   - photos and files under /wp-content/uploads/ that are in the uploads
//     copy are copied beside the page, under clean names, and linked
//     relatively; a resized copy (foto-300x200.jpg, foto-scaled.jpg) leads
//     to the original. The alt text is the image's, else the attachment's
//     alt text, else its caption, else its title, else "Foto <title>"
//     (reported). A photo not in the uploads becomes a link to its old
//     address, reported, since a page shows only photos it carries. The
//     featured image becomes image and image_alt.
//   - links to the old site's posts and pages (permalinks, ?p=ID,
//     ?page_id=ID) become relative links to their new files.
//
// Anything kimsite would refuse is never published and never silently
// dropped; each case is reported on the item's line of the export:
//
//   - a script, an unsafe iframe or image address: removed, and the page is
//     written with draft: true, so that a person decides before it
//     publishes;
//   - a number that looks like an NIK or KK (package privacy), in the body
//     or any front matter value: masked as 3573xxxxxxxxxx01 (the repository
//     is public, drafts included) and the page written as a draft;
//   - an iframe, embed or object from a host the theme does not embed
//     (Google Maps, Facebook): replaced by a link to it, reported;
//   - a javascript:, data: or other unsafe link: the link goes, its text
//     stays, reported; event handler attributes: removed, reported;
//   - HTML the conversion left in the Markdown, which pages never show:
//     reported.
//
// Old links keep working: the import writes redirects.yaml in the site
// folder (see package content) with every published item's old address,
// its earlier slugs (_wp_old_slug), and /category/<x>/ and /tag/<x>/, each
// leading to the new page or tag page; the build writes a redirect page at
// each. An address with a query, /?p=123, cannot be served by a static
// host as a file and lands on the home page.
//
// Re-running is safe. StateFile (.wordpress-import.json in the site
// folder, ignored by the build) records the SHA-256 of every file the
// import wrote and each WordPress item's file. On the next import a file
// whose content is unchanged is left as it is; a file still as the last
// import wrote it is updated; a file whose hash differs from the recorded
// one was edited by a person since, and is left alone and listed. A
// WordPress item keeps the file the last import gave it, so a renamed slug
// does not make a duplicate. Pages and files the import did not write are
// never overwritten: a new page whose name is taken gets "-2".
package wordpress
