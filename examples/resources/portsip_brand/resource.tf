# The API cannot read branding back: Terraform keeps what it sent and cannot see portal edits.
resource "portsip_brand" "this" {
  product   = "ACME Voice"
  title     = "ACME Voice portal"
  theme     = "DARK"
  website   = "https://voice.example.com"
  copyright = "© ACME Corp."
}
