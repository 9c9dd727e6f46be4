// The library's descriptor: what it provides, their settings, their factories.
#include "plugins.hpp"

namespace {

using namespace plantrack::sdk;

const SettingSpec kShareSettings[] = {
    {"min_local_percent", SettingType::kNumber, "50", "the lowest local share allowed, in percent"},
    {"decision", SettingType::kString, "\"QĐ UBND tỉnh Bình Dương\"",
     "the decision that sets the share (shown as the legal basis)"},
};
const SettingSpec kDigestSettings[] = {
    {"folder", SettingType::kString, "\"digests\"", "where the daily digest files go"},
};
const SettingSpec kBriefSettings[] = {
    {"width", SettingType::kInteger, "72", "the width of the rules around the title"},
};
constexpr PluginSpec kPlugins[] = {
    funding_check<binh_duong::LocalShare>(
        "local-share", "The province's share of the state budget stays above a minimum",
        kShareSettings),
    notifier<binh_duong::DailyDigest>("daily-digest", "One digest file of events per day",
                                      kDigestSettings),
    reporter<binh_duong::Brief>("brief", "A one-page brief for the director (plain text)",
                                kBriefSettings),
};
const Descriptor kDescriptor = describe("binh_duong_plugins", "1.0.0", kPlugins);

const Descriptor* describe_library() {
  return &kDescriptor;
}

}  // namespace

PLANTRACK_PLUGIN_LIBRARY(describe_library, kPlugins)
