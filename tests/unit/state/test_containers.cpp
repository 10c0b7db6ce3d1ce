// The container table and the binding of threads to containers: metadata
// from sysdig's container events (228, 272, 324), threads bound by their
// cgroups whatever the order the two arrive in.
#include <doctest/doctest.h>

#include <string>

#include "event/container_record.h"
#include "event/tracetop_events.h"
#include "event_builder.h"
#include "state/model.h"

namespace tracetop::state::test {

namespace {

constexpr const char* kWebFull = "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";

std::string docker_cgroups(const std::string& full_id) {
    const std::string path = "/docker/" + full_id;
    return std::string("cpu=") + path + '\0' + "memory=" + path + '\0';
}

// bash (100) on the host, curl (200, 201) in the web container.
event::CaptureHeader docker_host() {
    event::CaptureHeader h = bash_and_curl();
    for (auto& t : h.threads) {
        t.cgroups = t.pid == 200 ? docker_cgroups(kWebFull) : std::string("cpu=/user.slice\0", 16);
    }
    return h;
}

event::ContainerRecord web() {
    event::ContainerRecord r;
    r.full_id = kWebFull;
    r.id = r.full_id.substr(0, 12);
    r.name = "web";
    r.image = "nginx:1.21";
    return r;
}

void feed_json(Model& model, uint16_t type, const std::string& json) {
    Bytes payload(json.begin(), json.end());
    payload.push_back(0);
    model.on_event(BuiltEvent(0, 0, type, {payload}, 0, type == PPME_CONTAINER_3_E).view());
}

}  // namespace

TEST_CASE("threads are bound to the container their cgroups name; the others are the host's") {
    Model model;
    model.load_header(docker_host());
    CHECK(model.thread(200)->container_id.view() == "3ad7b26ded6d");
    CHECK(model.thread(201)->container_id.view() == "3ad7b26ded6d");
    CHECK(model.thread(100)->container_id.empty());
    // No metadata yet: known only by its cgroups.
    CHECK(model.container_of(*model.thread(200)) == nullptr);
}

TEST_CASE("container events (324 and 272) give the container's metadata, before or after its threads") {
    for (uint16_t type : {uint16_t{PPME_CONTAINER_3_E}, uint16_t{PPME_CONTAINER_2_E}}) {
        Model model;
        model.load_header(docker_host());
        feed_json(model, type, event::encode_container_json(web()));
        REQUIRE(model.containers().size() == 1);
        const event::ContainerRecord* r = model.container_of(*model.thread(201));
        REQUIRE(r != nullptr);
        CHECK(r->name == "web");
        CHECK(r->image == "nginx:1.21");
        CHECK(model.container_of(*model.thread(100)) == nullptr);
    }
}

TEST_CASE("the oldest container event (228) carries id, type, name and image") {
    Model model;
    model.load_header(docker_host());
    model.on_event(BuiltEvent(0, 0, PPME_CONTAINER_E, {str("3ad7b26ded6d"), u32(0), str("web"), str("nginx")}).view());
    const event::ContainerRecord* r = model.container_of(*model.thread(200));
    REQUIRE(r != nullptr);
    CHECK(r->name == "web");
    CHECK(r->image == "nginx");
}

TEST_CASE("a bad container event is counted and changes nothing; a new header forgets the containers") {
    Model model;
    model.load_header(docker_host());
    feed_json(model, PPME_CONTAINER_3_E, "{\"container\":");
    feed_json(model, PPME_CONTAINER_3_E, "{\"container\":{\"name\":\"no id\"}}");
    CHECK(model.containers().size() == 0);
    CHECK(model.containers().bad_events() == 2);
    feed_json(model, PPME_CONTAINER_3_E, event::encode_container_json(web()));
    CHECK(model.containers().size() == 1);
    model.load_header(docker_host());
    CHECK(model.containers().size() == 0);
}

}  // namespace tracetop::state::test
