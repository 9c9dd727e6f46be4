#include <openssl/evp.h>

#include "plantrack/digest.hpp"
#include "plantrack/read_file.hpp"

namespace plantrack {

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

std::string file_sha256(const std::string& path) {
  std::optional<std::string> bytes = read_file(path);
  return bytes ? sha256_hex(*bytes) : std::string();
}

}  // namespace plantrack
